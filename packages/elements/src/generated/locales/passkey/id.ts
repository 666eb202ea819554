// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `Kembali`,
'passkey.cancelled': `Kunci sandi tidak dibuat: permintaan dibatalkan atau tidak dikonfirmasi. Pilih Buat kunci sandi untuk mencoba lagi.`,
'passkey.create': `Buat kunci sandi`,
'passkey.default-name': `Kunci sandi`,
'passkey.device-name': str`${0} di ${1}`,
'passkey.done': `Kunci sandi Anda ditambahkan`,
'passkey.exists': `Perangkat ini sudah memiliki kunci sandi untuk akun Anda. Gunakan perangkat atau kunci keamanan lain, atau pilih metode lain.`,
'passkey.heading': `Buat kunci sandi`,
'passkey.intro': `Dengan kunci sandi, Anda masuk menggunakan wajah, sidik jari, atau kunci layar. Kunci sandi tetap di perangkat Anda dan tidak dapat dicuri lewat phishing.`,
'passkey.limit': `Anda sudah memiliki jumlah maksimum kunci sandi yang diizinkan. Hapus kunci sandi yang tidak lagi Anda gunakan, lalu tambahkan yang baru.`,
'passkey.name-heading': `Beri nama kunci sandi Anda`,
'passkey.name-hint': `Maksimal 64 karakter.`,
'passkey.name-intro': `Kunci sandi Anda sudah siap. Nama membantu Anda membedakannya dari kunci sandi lain.`,
'passkey.name-invalid': `Masukkan nama sepanjang 1 hingga 64 karakter.`,
'passkey.name-label': `Nama kunci sandi`,
'passkey.not-supported': `Perangkat ini tidak dapat membuat kunci sandi yang diterima organisasi Anda. Coba perangkat atau kunci keamanan lain.`,
'passkey.origin': `Kunci sandi tidak dapat dibuat di halaman ini. Hubungi administrator Anda.`,
'passkey.prompt': `Saat Anda memilih Buat kunci sandi, browser atau ponsel akan meminta konfirmasi.`,
'passkey.refused': `Kami tidak dapat memverifikasi kunci sandi Anda. Pilih Buat kunci sandi untuk mencoba lagi.`,
'passkey.save': `Simpan`,
'passkey.timeout': `Waktu permintaan habis. Pilih Buat kunci sandi untuk mencoba lagi.`,
'passkey.unsupported': `Browser ini tidak dapat membuat kunci sandi. Gunakan browser terbaru, atau pilih metode lain.`,
'passkey.waiting': `Ikuti langkah yang ditampilkan browser…`
};
