// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `वापस`,
'passkey.cancelled': `कोई पासकी नहीं बनी: अनुरोध रद्द हुआ या उसकी पुष्टि नहीं हुई। फिर से कोशिश करने के लिए "पासकी बनाएँ" चुनें।`,
'passkey.create': `पासकी बनाएँ`,
'passkey.default-name': `पासकी`,
'passkey.device-name': str`${0} (${1})`,
'passkey.done': `आपकी पासकी जोड़ दी गई`,
'passkey.exists': `इस डिवाइस पर आपके खाते की पासकी पहले से है। कोई दूसरा डिवाइस या सुरक्षा कुंजी इस्तेमाल करें, या कोई दूसरा तरीका चुनें।`,
'passkey.heading': `पासकी बनाएँ`,
'passkey.intro': `पासकी से आप अपने चेहरे, फ़िंगरप्रिंट या स्क्रीन लॉक से साइन इन करते हैं। यह आपके डिवाइस पर रहती है और फ़िशिंग से चुराई नहीं जा सकती।`,
'passkey.name-heading': `अपनी पासकी को नाम दें`,
'passkey.name-hint': `ज़्यादा से ज़्यादा 64 वर्ण।`,
'passkey.name-intro': `आपकी पासकी तैयार है। नाम से आप इसे अपनी दूसरी पासकी से अलग पहचान पाएँगे।`,
'passkey.name-invalid': `1 से 64 वर्णों का नाम डालें।`,
'passkey.name-label': `पासकी का नाम`,
'passkey.not-supported': `यह डिवाइस ऐसी पासकी नहीं बना सकता जिसे आपका संगठन स्वीकार करे। कोई दूसरा डिवाइस या सुरक्षा कुंजी आज़माएँ।`,
'passkey.origin': `इस पेज पर पासकी नहीं बनाई जा सकतीं। अपने एडमिन से संपर्क करें।`,
'passkey.prompt': `"पासकी बनाएँ" चुनने पर आपका ब्राउज़र या फ़ोन पुष्टि माँगेगा।`,
'passkey.refused': `हम आपकी पासकी की पुष्टि नहीं कर सके। फिर से कोशिश करने के लिए "पासकी बनाएँ" चुनें।`,
'passkey.save': `सहेजें`,
'passkey.timeout': `अनुरोध का समय खत्म हो गया। फिर से कोशिश करने के लिए "पासकी बनाएँ" चुनें।`,
'passkey.unsupported': `यह ब्राउज़र पासकी नहीं बना सकता। नया ब्राउज़र इस्तेमाल करें या कोई दूसरा तरीका चुनें।`,
'passkey.waiting': `ब्राउज़र में दिखाए गए चरणों का पालन करें…`
};
