// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `Voltar`,
'passkey.cancelled': `Nenhuma chave de acesso foi criada: a solicitação foi cancelada ou não foi confirmada. Selecione Criar chave de acesso para tentar de novo.`,
'passkey.create': `Criar chave de acesso`,
'passkey.default-name': `Chave de acesso`,
'passkey.device-name': str`${0} no ${1}`,
'passkey.done': `Sua chave de acesso foi adicionada`,
'passkey.exists': `Este dispositivo já tem uma chave de acesso para sua conta. Use outro dispositivo ou uma chave de segurança, ou escolha outro método.`,
'passkey.heading': `Criar uma chave de acesso`,
'passkey.intro': `Com uma chave de acesso, você entra com o rosto, a impressão digital ou o bloqueio de tela. Ela fica no seu dispositivo e não pode ser roubada por phishing.`,
'passkey.limit': `Você já tem o número máximo de chaves de acesso permitido. Exclua uma que não usa mais e depois adicione outra.`,
'passkey.name-heading': `Dê um nome à sua chave de acesso`,
'passkey.name-hint': `Até 64 caracteres.`,
'passkey.name-intro': `Sua chave de acesso está pronta. Um nome ajuda a diferenciá-la das outras.`,
'passkey.name-invalid': `Digite um nome de 1 a 64 caracteres.`,
'passkey.name-label': `Nome da chave de acesso`,
'passkey.not-supported': `Este dispositivo não consegue criar uma chave de acesso aceita pela sua organização. Tente outro dispositivo ou uma chave de segurança.`,
'passkey.origin': `Não é possível criar chaves de acesso nesta página. Entre em contato com o administrador.`,
'passkey.prompt': `Quando você selecionar Criar chave de acesso, o navegador ou o celular vai pedir sua confirmação.`,
'passkey.refused': `Não foi possível verificar sua chave de acesso. Selecione Criar chave de acesso para tentar de novo.`,
'passkey.save': `Salvar`,
'passkey.timeout': `A solicitação demorou demais. Selecione Criar chave de acesso para tentar de novo.`,
'passkey.unsupported': `Este navegador não consegue criar chaves de acesso. Use um navegador atualizado ou escolha outro método.`,
'passkey.waiting': `Siga as etapas que o navegador mostrar…`
};
