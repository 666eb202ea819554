// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `Wstecz`,
'passkey.cancelled': `Nie utworzono klucza dostępu: żądanie zostało anulowane lub niepotwierdzone. Wybierz Utwórz klucz dostępu, aby spróbować ponownie.`,
'passkey.create': `Utwórz klucz dostępu`,
'passkey.default-name': `Klucz dostępu`,
'passkey.device-name': str`${0} (${1})`,
'passkey.done': `Dodano klucz dostępu`,
'passkey.exists': `To urządzenie ma już klucz dostępu do Twojego konta. Użyj innego urządzenia lub klucza bezpieczeństwa albo wybierz inną metodę.`,
'passkey.heading': `Utwórz klucz dostępu`,
'passkey.intro': `Klucz dostępu pozwala logować się twarzą, odciskiem palca lub blokadą ekranu. Zostaje na Twoim urządzeniu i nie da się go wyłudzić.`,
'passkey.limit': `Masz już maksymalną dozwoloną liczbę kluczy dostępu. Usuń klucz, którego już nie używasz, a następnie dodaj nowy.`,
'passkey.name-heading': `Nazwij klucz dostępu`,
'passkey.name-hint': `Maksymalnie 64 znaki.`,
'passkey.name-intro': `Klucz dostępu jest gotowy. Nazwa pomoże Ci odróżnić go od innych kluczy.`,
'passkey.name-invalid': `Wpisz nazwę o długości od 1 do 64 znaków.`,
'passkey.name-label': `Nazwa klucza dostępu`,
'passkey.not-supported': `To urządzenie nie może utworzyć klucza dostępu akceptowanego przez Twoją organizację. Spróbuj innego urządzenia lub klucza bezpieczeństwa.`,
'passkey.origin': `Na tej stronie nie można tworzyć kluczy dostępu. Skontaktuj się z administratorem.`,
'passkey.prompt': `Gdy wybierzesz Utwórz klucz dostępu, przeglądarka lub telefon poprosi Cię o potwierdzenie.`,
'passkey.refused': `Nie udało się zweryfikować klucza dostępu. Wybierz Utwórz klucz dostępu, aby spróbować ponownie.`,
'passkey.save': `Zapisz`,
'passkey.timeout': `Upłynął limit czasu żądania. Wybierz Utwórz klucz dostępu, aby spróbować ponownie.`,
'passkey.unsupported': `Ta przeglądarka nie umie tworzyć kluczy dostępu. Użyj aktualnej przeglądarki lub wybierz inną metodę.`,
'passkey.waiting': `Wykonaj kroki wyświetlane przez przeglądarkę…`
};
