// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `戻る`,
'passkey.cancelled': `パスキーは作成されませんでした。要求がキャンセルされたか、確認されませんでした。もう一度試すには [パスキーを作成] を選択してください。`,
'passkey.create': `パスキーを作成`,
'passkey.default-name': `パスキー`,
'passkey.device-name': str`${1} の ${0}`,
'passkey.done': `パスキーを追加しました`,
'passkey.exists': `このデバイスには、すでにあなたのアカウントのパスキーがあります。別のデバイスやセキュリティ キーを使用するか、別の方法を選択してください。`,
'passkey.heading': `パスキーを作成`,
'passkey.intro': `パスキーを使うと、顔認証、指紋認証、画面ロックでサインインできます。パスキーはデバイスに保存され、フィッシングで盗まれることはありません。`,
'passkey.limit': `パスキーはすでに登録できる上限に達しています。使わなくなったパスキーを削除してから、新しいパスキーを追加してください。`,
'passkey.name-heading': `パスキーに名前を付ける`,
'passkey.name-hint': `64 文字以内。`,
'passkey.name-intro': `パスキーの準備ができました。名前を付けると、ほかのパスキーと区別しやすくなります。`,
'passkey.name-invalid': `1～64 文字の名前を入力してください。`,
'passkey.name-label': `パスキーの名前`,
'passkey.not-supported': `このデバイスでは、組織が受け付けるパスキーを作成できません。別のデバイスまたはセキュリティ キーをお試しください。`,
'passkey.origin': `このページではパスキーを作成できません。管理者にお問い合わせください。`,
'passkey.prompt': `[パスキーを作成] を選択すると、ブラウザーまたはスマートフォンで確認を求められます。`,
'passkey.refused': `パスキーを確認できませんでした。もう一度試すには [パスキーを作成] を選択してください。`,
'passkey.save': `保存`,
'passkey.timeout': `要求がタイムアウトしました。もう一度試すには [パスキーを作成] を選択してください。`,
'passkey.unsupported': `このブラウザーではパスキーを作成できません。最新のブラウザーを使用するか、別の方法を選択してください。`,
'passkey.waiting': `ブラウザーに表示される手順に従ってください…`
};
