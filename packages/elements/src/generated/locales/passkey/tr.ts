// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `Geri`,
'passkey.cancelled': `Geçiş anahtarı oluşturulmadı: istek iptal edildi veya onaylanmadı. Yeniden denemek için Geçiş anahtarı oluştur'u seçin.`,
'passkey.create': `Geçiş anahtarı oluştur`,
'passkey.default-name': `Geçiş anahtarı`,
'passkey.device-name': str`${0} (${1})`,
'passkey.done': `Geçiş anahtarınız eklendi`,
'passkey.exists': `Bu cihazda hesabınız için zaten bir geçiş anahtarı var. Başka bir cihaz veya güvenlik anahtarı kullanın ya da başka bir yöntem seçin.`,
'passkey.heading': `Geçiş anahtarı oluşturun`,
'passkey.intro': `Geçiş anahtarıyla yüzünüz, parmak iziniz veya ekran kilidinizle oturum açarsınız. Cihazınızda kalır ve kimlik avıyla ele geçirilemez.`,
'passkey.limit': `Zaten izin verilen en fazla sayıda geçiş anahtarınız var. Artık kullanmadığınız birini silin, ardından yenisini ekleyin.`,
'passkey.name-heading': `Geçiş anahtarınızı adlandırın`,
'passkey.name-hint': `En fazla 64 karakter.`,
'passkey.name-intro': `Geçiş anahtarınız hazır. Bir ad, onu diğer geçiş anahtarlarınızdan ayırt etmenize yardımcı olur.`,
'passkey.name-invalid': `1 ile 64 karakter arasında bir ad girin.`,
'passkey.name-label': `Geçiş anahtarı adı`,
'passkey.not-supported': `Bu cihaz, kuruluşunuzun kabul ettiği bir geçiş anahtarı oluşturamıyor. Başka bir cihaz veya güvenlik anahtarı deneyin.`,
'passkey.origin': `Bu sayfada geçiş anahtarı oluşturulamaz. Yöneticinize başvurun.`,
'passkey.prompt': `Geçiş anahtarı oluştur'u seçtiğinizde tarayıcınız veya telefonunuz onay isteyecek.`,
'passkey.refused': `Geçiş anahtarınız doğrulanamadı. Yeniden denemek için Geçiş anahtarı oluştur'u seçin.`,
'passkey.save': `Kaydet`,
'passkey.timeout': `İstek zaman aşımına uğradı. Yeniden denemek için Geçiş anahtarı oluştur'u seçin.`,
'passkey.unsupported': `Bu tarayıcı geçiş anahtarı oluşturamıyor. Güncel bir tarayıcı kullanın veya başka bir yöntem seçin.`,
'passkey.waiting': `Tarayıcınızın gösterdiği adımları izleyin…`
};
