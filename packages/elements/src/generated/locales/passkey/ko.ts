// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `뒤로`,
'passkey.cancelled': `패스키가 만들어지지 않았습니다. 요청이 취소되었거나 확인되지 않았습니다. 다시 시도하려면 [패스키 만들기]를 선택하세요.`,
'passkey.create': `패스키 만들기`,
'passkey.default-name': `패스키`,
'passkey.device-name': str`${1}의 ${0}`,
'passkey.done': `패스키가 추가되었습니다`,
'passkey.exists': `이 기기에는 이미 계정의 패스키가 있습니다. 다른 기기나 보안 키를 사용하거나 다른 방법을 선택하세요.`,
'passkey.heading': `패스키 만들기`,
'passkey.intro': `패스키를 사용하면 얼굴, 지문 또는 화면 잠금으로 로그인할 수 있습니다. 패스키는 기기에 저장되며 피싱으로 도용될 수 없습니다.`,
'passkey.limit': `이미 허용된 최대 개수의 패스키가 있습니다. 더 이상 사용하지 않는 패스키를 삭제한 후 새 패스키를 추가하세요.`,
'passkey.name-heading': `패스키 이름 지정`,
'passkey.name-hint': `최대 64자입니다.`,
'passkey.name-intro': `패스키가 준비되었습니다. 이름을 지정하면 다른 패스키와 구별하기 쉽습니다.`,
'passkey.name-invalid': `1~64자의 이름을 입력하세요.`,
'passkey.name-label': `패스키 이름`,
'passkey.not-supported': `이 기기에서는 조직에서 허용하는 패스키를 만들 수 없습니다. 다른 기기나 보안 키를 사용해 보세요.`,
'passkey.origin': `이 페이지에서는 패스키를 만들 수 없습니다. 관리자에게 문의하세요.`,
'passkey.prompt': `[패스키 만들기]를 선택하면 브라우저나 휴대폰에서 확인을 요청합니다.`,
'passkey.refused': `패스키를 확인하지 못했습니다. 다시 시도하려면 [패스키 만들기]를 선택하세요.`,
'passkey.save': `저장`,
'passkey.timeout': `요청 시간이 초과되었습니다. 다시 시도하려면 [패스키 만들기]를 선택하세요.`,
'passkey.unsupported': `이 브라우저에서는 패스키를 만들 수 없습니다. 최신 브라우저를 사용하거나 다른 방법을 선택하세요.`,
'passkey.waiting': `브라우저에 표시되는 단계를 따르세요…`
};
