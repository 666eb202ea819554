// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `Quay lại`,
'passkey.cancelled': `Chưa tạo khóa truy cập: yêu cầu đã bị hủy hoặc chưa được xác nhận. Chọn Tạo khóa truy cập để thử lại.`,
'passkey.create': `Tạo khóa truy cập`,
'passkey.default-name': `Khóa truy cập`,
'passkey.device-name': str`${0} trên ${1}`,
'passkey.done': `Đã thêm khóa truy cập`,
'passkey.exists': `Thiết bị này đã có khóa truy cập cho tài khoản của bạn. Hãy dùng thiết bị hoặc khóa bảo mật khác, hoặc chọn phương thức khác.`,
'passkey.heading': `Tạo khóa truy cập`,
'passkey.intro': `Khóa truy cập cho phép bạn đăng nhập bằng khuôn mặt, vân tay hoặc khóa màn hình. Khóa nằm trên thiết bị của bạn và không thể bị đánh cắp qua lừa đảo.`,
'passkey.limit': `Bạn đã có số lượng khóa truy cập tối đa được phép. Hãy xóa một khóa bạn không còn dùng, rồi thêm khóa mới.`,
'passkey.name-heading': `Đặt tên cho khóa truy cập`,
'passkey.name-hint': `Tối đa 64 ký tự.`,
'passkey.name-intro': `Khóa truy cập đã sẵn sàng. Tên giúp bạn phân biệt nó với các khóa truy cập khác.`,
'passkey.name-invalid': `Nhập tên dài từ 1 đến 64 ký tự.`,
'passkey.name-label': `Tên khóa truy cập`,
'passkey.not-supported': `Thiết bị này không tạo được khóa truy cập mà tổ chức của bạn chấp nhận. Hãy thử thiết bị hoặc khóa bảo mật khác.`,
'passkey.origin': `Không thể tạo khóa truy cập trên trang này. Hãy liên hệ quản trị viên.`,
'passkey.prompt': `Khi bạn chọn Tạo khóa truy cập, trình duyệt hoặc điện thoại sẽ yêu cầu bạn xác nhận.`,
'passkey.refused': `Chúng tôi không xác minh được khóa truy cập của bạn. Chọn Tạo khóa truy cập để thử lại.`,
'passkey.save': `Lưu`,
'passkey.timeout': `Yêu cầu đã hết thời gian chờ. Chọn Tạo khóa truy cập để thử lại.`,
'passkey.unsupported': `Trình duyệt này không tạo được khóa truy cập. Hãy dùng trình duyệt mới hoặc chọn phương thức khác.`,
'passkey.waiting': `Làm theo các bước trình duyệt hiển thị…`
};
