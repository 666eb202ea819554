// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `Vissza`,
'passkey.cancelled': `Nem jött létre azonosítókulcs: a kérést megszakították, vagy nem erősítették meg. Az újrapróbálkozáshoz válassza az Azonosítókulcs létrehozása lehetőséget.`,
'passkey.create': `Azonosítókulcs létrehozása`,
'passkey.default-name': `Azonosítókulcs`,
'passkey.device-name': str`${0} (${1})`,
'passkey.done': `Az azonosítókulcs hozzáadva`,
'passkey.exists': `Ezen az eszközön már van azonosítókulcs a fiókjához. Használjon másik eszközt vagy biztonsági kulcsot, vagy válasszon másik módszert.`,
'passkey.heading': `Azonosítókulcs létrehozása`,
'passkey.intro': `Az azonosítókulccsal az arcával, ujjlenyomatával vagy a képernyőzárral jelentkezhet be. Az eszközén marad, és adathalászattal nem szerezhető meg.`,
'passkey.limit': `Már elérte az azonosítókulcsok megengedett legnagyobb számát. Töröljön egyet, amelyet már nem használ, majd adjon hozzá újat.`,
'passkey.name-heading': `Nevezze el az azonosítókulcsot`,
'passkey.name-hint': `Legfeljebb 64 karakter.`,
'passkey.name-intro': `Az azonosítókulcs elkészült. A név segít megkülönböztetni a többi azonosítókulcsától.`,
'passkey.name-invalid': `Adjon meg egy 1–64 karakteres nevet.`,
'passkey.name-label': `Az azonosítókulcs neve`,
'passkey.not-supported': `Ez az eszköz nem tud a szervezete által elfogadott azonosítókulcsot létrehozni. Próbáljon másik eszközt vagy biztonsági kulcsot.`,
'passkey.origin': `Ezen az oldalon nem hozható létre azonosítókulcs. Forduljon a rendszergazdához.`,
'passkey.prompt': `Ha az Azonosítókulcs létrehozása lehetőséget választja, a böngésző vagy a telefon megerősítést kér.`,
'passkey.refused': `Nem sikerült ellenőrizni az azonosítókulcsát. Az újrapróbálkozáshoz válassza az Azonosítókulcs létrehozása lehetőséget.`,
'passkey.save': `Mentés`,
'passkey.timeout': `A kérés túllépte az időkorlátot. Az újrapróbálkozáshoz válassza az Azonosítókulcs létrehozása lehetőséget.`,
'passkey.unsupported': `Ez a böngésző nem tud azonosítókulcsot létrehozni. Használjon naprakész böngészőt, vagy válasszon másik módszert.`,
'passkey.waiting': `Kövesse a böngésző lépéseit…`
};
