// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `Atrás`,
'passkey.cancelled': `No se creó ninguna llave de acceso: la solicitud se canceló o no se confirmó. Selecciona Crear llave de acceso para intentarlo de nuevo.`,
'passkey.create': `Crear llave de acceso`,
'passkey.default-name': `Llave de acceso`,
'passkey.device-name': str`${0} en ${1}`,
'passkey.done': `Se agregó tu llave de acceso`,
'passkey.exists': `Este dispositivo ya tiene una llave de acceso para tu cuenta. Usa otro dispositivo o una llave de seguridad, o elige otro método.`,
'passkey.heading': `Crear una llave de acceso`,
'passkey.intro': `Con una llave de acceso inicias sesión con tu cara, tu huella o el bloqueo de pantalla. Se queda en tu dispositivo y no se puede robar con phishing.`,
'passkey.limit': `Ya tienes el número máximo de llaves de acceso permitido. Elimina una que ya no uses y luego añade otra.`,
'passkey.name-heading': `Ponle nombre a tu llave de acceso`,
'passkey.name-hint': `Hasta 64 caracteres.`,
'passkey.name-intro': `Tu llave de acceso está lista. Un nombre te ayuda a distinguirla de tus otras llaves de acceso.`,
'passkey.name-invalid': `Escribe un nombre de 1 a 64 caracteres.`,
'passkey.name-label': `Nombre de la llave de acceso`,
'passkey.not-supported': `Este dispositivo no puede crear una llave de acceso que acepte tu organización. Prueba con otro dispositivo o una llave de seguridad.`,
'passkey.origin': `No se pueden crear llaves de acceso en esta página. Ponte en contacto con tu administrador.`,
'passkey.prompt': `Cuando selecciones Crear llave de acceso, tu navegador o tu teléfono te pedirá que lo confirmes.`,
'passkey.refused': `No pudimos verificar tu llave de acceso. Selecciona Crear llave de acceso para intentarlo de nuevo.`,
'passkey.save': `Guardar`,
'passkey.timeout': `La solicitud tardó demasiado. Selecciona Crear llave de acceso para intentarlo de nuevo.`,
'passkey.unsupported': `Este navegador no puede crear llaves de acceso. Usa un navegador actualizado o elige otro método.`,
'passkey.waiting': `Sigue los pasos que muestra tu navegador…`
};
