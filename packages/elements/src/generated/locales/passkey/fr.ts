// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `Retour`,
'passkey.cancelled': `Aucune clé d’accès n’a été créée : la demande a été annulée ou n’a pas été confirmée. Sélectionnez Créer une clé d’accès pour réessayer.`,
'passkey.create': `Créer une clé d’accès`,
'passkey.default-name': `Clé d’accès`,
'passkey.device-name': str`${0} sous ${1}`,
'passkey.done': `Votre clé d’accès a été ajoutée`,
'passkey.exists': `Cet appareil a déjà une clé d’accès pour votre compte. Utilisez un autre appareil ou une clé de sécurité, ou choisissez une autre méthode.`,
'passkey.heading': `Créer une clé d’accès`,
'passkey.intro': `Une clé d’accès vous permet de vous connecter avec votre visage, votre empreinte digitale ou le verrouillage de l’écran. Elle reste sur votre appareil et ne peut pas être hameçonnée.`,
'passkey.limit': `Vous avez déjà le nombre maximal de clés d’accès autorisé. Supprimez-en une que vous n’utilisez plus, puis ajoutez-en une autre.`,
'passkey.name-heading': `Nommer votre clé d’accès`,
'passkey.name-hint': `64 caractères maximum.`,
'passkey.name-intro': `Votre clé d’accès est prête. Un nom vous aide à la distinguer de vos autres clés d’accès.`,
'passkey.name-invalid': `Saisissez un nom de 1 à 64 caractères.`,
'passkey.name-label': `Nom de la clé d’accès`,
'passkey.not-supported': `Cet appareil ne peut pas créer de clé d’accès acceptée par votre organisation. Essayez un autre appareil ou une clé de sécurité.`,
'passkey.origin': `Impossible de créer des clés d’accès sur cette page. Contactez votre administrateur.`,
'passkey.prompt': `Lorsque vous sélectionnez Créer une clé d’accès, votre navigateur ou votre téléphone vous demandera de confirmer.`,
'passkey.refused': `Nous n’avons pas pu vérifier votre clé d’accès. Sélectionnez Créer une clé d’accès pour réessayer.`,
'passkey.save': `Enregistrer`,
'passkey.timeout': `La demande a expiré. Sélectionnez Créer une clé d’accès pour réessayer.`,
'passkey.unsupported': `Ce navigateur ne peut pas créer de clés d’accès. Utilisez un navigateur à jour ou choisissez une autre méthode.`,
'passkey.waiting': `Suivez les étapes affichées par votre navigateur…`
};
