## Gabimet që raporton pjesa Rust e aplikacionit. Secili thotë çfarë të bësh, me pak fjalë.

error-not-found = Nuk e gjetëm. Mund të jetë fshirë.
error-no-active-profile = Zgjidh fillimisht kush po e përdor aplikacionin.
error-wrong-pin = Ky PIN nuk është i saktë. Provo përsëri.
error-pin-locked = Shumë prova të gabuara. Prit një minutë, pastaj provo përsëri.
error-invalid-input = Diçka këtu nuk është në rregull. Shiko fushën e shënuar.
error-disk-full = Memoria e telefonit është plot, prandaj kjo nuk u ruajt. Liro pak vend (fshi foto ose video të vjetra), pastaj provo përsëri. Ajo që shkrove është ende këtu.
error-storage-corrupt = Skedari i të dhënave të aplikacionit u dëmtua. U ruajt mënjanë që të mos humbasë asgjë më shumë, dhe aplikacioni filloi nga e para. Kërko ndihmë nga një ndihmës.
error-storage = Aplikacioni nuk mundi të ruajë. Provo përsëri. Ajo që shkrove është ende këtu.
error-internal = Diçka shkoi keq në aplikacion. Provo përsëri. Nëse ndodh sërish, kërko ndihmë nga një ndihmës.
error-name-empty = Shkruaj një emër.
error-name-too-long = Emri është shumë i gjatë. Përdor jo më shumë se { $max } shkronja.
error-pin-format = PIN-i duhet të ketë nga { $min } deri në { $max } numra.
error-title-too-long = Titulli është shumë i gjatë. Përdor jo më shumë se { $max } shkronja.
error-text-too-long = Teksti është shumë i gjatë. Përdor jo më shumë se { $max } shkronja, ose regjistro një mesazh me zë.
error-unknown-category = Zgjidh një temë nga lista.
notice-storage-recovered = Skedari i të dhënave të aplikacionit u dëmtua. U ruajt mënjanë si { $file } dhe aplikacioni filloi nga e para.
error-offline = Tani nuk ka lidhje me bashkinë. Puna juaj është ruajtur në këtë pajisje; provoni përsëri kur të ketë sinjal.
error-sync-off = Dërgimi nuk është rregulluar në këtë pajisje. Kërkoni ndihmë nga një ndihmës.
error-pairing-invalid = Ky kod është i gabuar ose shumë i vjetër. Kërkoni një kod të ri në telefonin tjetër dhe shkruajeni përsëri.
error-too-many-attempts = Shumë prova të gabuara. Prisni pak minuta, pastaj provoni përsëri.
error-update-required = Ky aplikacion është shumë i vjetër për të dërguar. Përditësoni aplikacionin.
sync-message-off = Dërgimi te bashkia nuk është rregulluar në këtë pajisje. Puna juaj është ruajtur këtu.
sync-message-offline = Nuk ka lidhje. Puna juaj është ruajtur dhe do të dërgohet më vonë.
sync-message-error = Dërgimi nuk funksionoi. Puna juaj është ruajtur. Do të provojmë përsëri.
sync-message-no-keyring = Kjo pajisje nuk ka vend të sigurt për çelësin e dërgimit, prandaj dërgimi është i fikur. Puna juaj është ruajtur këtu.
sync-message-update = Përditësoni aplikacionin që të dërgoni punën tuaj.
