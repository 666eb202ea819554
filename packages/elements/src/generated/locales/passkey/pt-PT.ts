// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `Voltar`,
'passkey.cancelled': `Não foi criada nenhuma chave de acesso: o pedido foi cancelado ou não foi confirmado. Selecione Criar chave de acesso para tentar novamente.`,
'passkey.create': `Criar chave de acesso`,
'passkey.default-name': `Chave de acesso`,
'passkey.device-name': str`${0} no ${1}`,
'passkey.done': `A sua chave de acesso foi adicionada`,
'passkey.exists': `Este dispositivo já tem uma chave de acesso para a sua conta. Utilize outro dispositivo ou uma chave de segurança, ou escolha outro método.`,
'passkey.heading': `Criar uma chave de acesso`,
'passkey.intro': `Com uma chave de acesso, inicia sessão com o rosto, a impressão digital ou o bloqueio de ecrã. Fica no seu dispositivo e não pode ser roubada por phishing.`,
'passkey.limit': `Já tem o número máximo de chaves de acesso permitido. Elimine uma que já não utilize e, em seguida, adicione outra.`,
'passkey.name-heading': `Dê um nome à sua chave de acesso`,
'passkey.name-hint': `Até 64 carateres.`,
'passkey.name-intro': `A sua chave de acesso está pronta. Um nome ajuda a distingui-la das outras.`,
'passkey.name-invalid': `Introduza um nome com 1 a 64 carateres.`,
'passkey.name-label': `Nome da chave de acesso`,
'passkey.not-supported': `Este dispositivo não consegue criar uma chave de acesso aceite pela sua organização. Experimente outro dispositivo ou uma chave de segurança.`,
'passkey.origin': `Não é possível criar chaves de acesso nesta página. Contacte o administrador.`,
'passkey.prompt': `Quando selecionar Criar chave de acesso, o browser ou o telemóvel vai pedir-lhe que confirme.`,
'passkey.refused': `Não foi possível verificar a sua chave de acesso. Selecione Criar chave de acesso para tentar novamente.`,
'passkey.save': `Guardar`,
'passkey.timeout': `O pedido demorou demasiado. Selecione Criar chave de acesso para tentar novamente.`,
'passkey.unsupported': `Este browser não consegue criar chaves de acesso. Utilize um browser atualizado ou escolha outro método.`,
'passkey.waiting': `Siga os passos que o browser apresenta…`
};
