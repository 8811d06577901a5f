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
