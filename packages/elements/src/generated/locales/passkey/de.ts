// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `Zurück`,
'passkey.cancelled': `Es wurde kein Passkey erstellt: Die Anfrage wurde abgebrochen oder nicht bestätigt. Wählen Sie „Passkey erstellen“, um es erneut zu versuchen.`,
'passkey.create': `Passkey erstellen`,
'passkey.default-name': `Passkey`,
'passkey.device-name': str`${0} unter ${1}`,
'passkey.done': `Ihr Passkey wurde hinzugefügt`,
'passkey.exists': `Dieses Gerät hat bereits einen Passkey für Ihr Konto. Verwenden Sie ein anderes Gerät oder einen Sicherheitsschlüssel, oder wählen Sie eine andere Methode.`,
'passkey.heading': `Passkey erstellen`,
'passkey.intro': `Mit einem Passkey melden Sie sich mit Ihrem Gesicht, Fingerabdruck oder der Bildschirmsperre an. Er bleibt auf Ihrem Gerät und kann nicht durch Phishing gestohlen werden.`,
'passkey.limit': `Sie haben bereits die maximal zulässige Anzahl an Passkeys. Löschen Sie einen, den Sie nicht mehr verwenden, und fügen Sie dann einen neuen hinzu.`,
'passkey.name-heading': `Passkey benennen`,
'passkey.name-hint': `Bis zu 64 Zeichen.`,
'passkey.name-intro': `Ihr Passkey ist bereit. Mit einem Namen können Sie ihn von Ihren anderen Passkeys unterscheiden.`,
'passkey.name-invalid': `Geben Sie einen Namen mit 1 bis 64 Zeichen ein.`,
'passkey.name-label': `Name des Passkeys`,
'passkey.not-supported': `Dieses Gerät kann keinen Passkey erstellen, den Ihre Organisation akzeptiert. Versuchen Sie es mit einem anderen Gerät oder Sicherheitsschlüssel.`,
'passkey.origin': `Auf dieser Seite können keine Passkeys erstellt werden. Wenden Sie sich an Ihren Administrator.`,
'passkey.prompt': `Wenn Sie „Passkey erstellen“ wählen, bittet Ihr Browser oder Telefon Sie um Bestätigung.`,
'passkey.refused': `Ihr Passkey konnte nicht überprüft werden. Wählen Sie „Passkey erstellen“, um es erneut zu versuchen.`,
'passkey.save': `Speichern`,
'passkey.timeout': `Die Anfrage hat zu lange gedauert. Wählen Sie „Passkey erstellen“, um es erneut zu versuchen.`,
'passkey.unsupported': `Dieser Browser kann keine Passkeys erstellen. Verwenden Sie einen aktuellen Browser, oder wählen Sie eine andere Methode.`,
'passkey.waiting': `Folgen Sie den Schritten in Ihrem Browser…`
};
