# Paneli i bashkisë dhe faqja publike e transparencës (serveri i sinkronizimit).

dash-site = mCommunity · Bashkia Fushë-Arrëz
dash-skip = Kalo te përmbajtja
dash-nav = Paneli
dash-language = Gjuha
dash-nav-inbox = Kërkesat
dash-nav-reports = Raportet
dash-nav-announcements = Njoftimet
dash-nav-categories = Kategoritë
dash-nav-audit = Regjistri i veprimeve
dash-nav-transparency = Transparenca
dash-logout = Dil ({ $name })
dash-back-to-inbox = Kthehu te kërkesat

## Gabime

dash-error-not-found = Nuk u gjet
dash-error-forbidden = Nuk keni leje për këtë faqe
dash-error-csrf = Formulari ka skaduar. Hapeni faqen përsëri dhe provoni edhe një herë.
dash-error-bad-request = Diçka në formular nuk është në rregull. Kthehuni dhe kontrollojeni.
dash-error-internal = Diçka shkoi keq në server. Provoni më vonë.

## Hyrja

dash-login-title = Hyrja e stafit
dash-login-username = Emri i përdoruesit
dash-login-password = Fjalëkalimi
dash-login-submit = Hyr
dash-login-wrong = Emri i përdoruesit ose fjalëkalimi është i gabuar.
dash-login-locked = Shumë fjalëkalime të gabuara. Llogaria është e bllokuar për 15 minuta.

## Kërkesat

dash-inbox-title = Kërkesat
dash-inbox-table = Kërkesat, më të rejat në fillim
dash-inbox-count = { $count ->
    [one] Një kërkesë
   *[other] { $count } kërkesa
}
dash-filters = Filtrat
dash-filter-any = Të gjitha
dash-filter-search = Kërko në titull dhe tekst
dash-filter-status = Gjendja
dash-filter-category = Kategoria
dash-filter-kind = Lloji
dash-filter-assigned = Caktuar për
dash-filter-from = Dërguar nga
dash-filter-until = Dërguar deri
dash-filter-voice = Vetëm me mesazh zanor
dash-filter-photo = Vetëm me foto
dash-filter-apply = Shfaq
dash-col-sent = Dërguar
dash-col-title = Titulli
dash-col-category = Kategoria
dash-col-kind = Lloji
dash-col-status = Gjendja
dash-col-assigned = Caktuar për
dash-assigned-nobody = Askush
dash-has-photo = Foto
dash-has-voice = Mesazh zanor
dash-untitled = (pa titull)
dash-category-none = (pa kategori)
dash-pages = Faqet
dash-page-previous = Faqja e mëparshme
dash-page-next = Faqja tjetër
dash-page-of = Faqja { $page } nga { $pages }

dash-status-received = Marrë
dash-status-in-progress = Në punë
dash-status-answered = U përgjigj
dash-status-fixed = U rregullua
dash-status-not-our-responsibility = Nuk është përgjegjësia jonë
dash-status-closed = Mbyllur

dash-kind-problem = Problem
dash-kind-request = Kërkesë
dash-kind-complaint = Ankesë
dash-kind-proposal = Propozim
dash-kind-question = Pyetje

## Një kërkesë

dash-expected = Pritet deri më
dash-location = Vendi
dash-location-map = Hape në hartë
dash-location-none = Pa vend
dash-text = Teksti
dash-text-none = Pa tekst (shikoni fotot ose mesazhin zanor).
dash-photos = Fotot
dash-photo-alt = Foto { $n } e dërguar nga banori
dash-voice = Mesazh zanor
dash-voice-length = { $seconds } sekonda
dash-voice-download = Shkarko mesazhin zanor
dash-conversation = Biseda
dash-conversation-empty = Ende pa mesazhe.
dash-resident = Banori
dash-answer = Përgjigjja
dash-reply = Përgjigje për banorin (me dëshirë)
dash-answer-send = Ruaj dhe dërgo
dash-reply-by = { $name }, Bashkia Fushë-Arrëz
dash-assign = Caktimi
dash-assign-to = Cakto për
dash-assign-save = Ruaj caktimin

## Raportet dhe transparenca

dash-reports-title = Raportet
dash-totals = Gjithsej
dash-received = Marrë
dash-answered-share = Me përgjigje
dash-median = Koha mesatare (mediana) deri te përgjigjja e parë
dash-p90 = 9 në 10 u përgjigjën brenda
dash-hours = { $hours } orë
dash-count = Numri
dash-month = Muaji
dash-village = Fshati
dash-by-status = Sipas gjendjes
dash-by-category = Sipas kategorisë
dash-by-kind = Sipas llojit
dash-by-month = Sipas muajit
dash-by-village = Sipas fshatit
dash-first-reply = Përgjigjja e parë
dash-export = Eksporti
dash-export-full = Skedari përmban tekstet dhe identifikuesit e banorëve (vetëm për administratorët).
dash-export-anonymous = Skedari nuk ka tekste dhe as të dhëna personale.
dash-export-download = Shkarko CSV
dash-csv-id = Identifikuesi
dash-csv-author = Identifikuesi i banorit
dash-yes = po
dash-no = jo
dash-transparency-title = Si përgjigjet bashkia
dash-transparency-intro = Çfarë kërkuan banorët nga Bashkia Fushë-Arrëz përmes mCommunity, dhe sa shpejt u përgjigj ajo.
dash-transparency-privacy = Këtu nuk shfaqen emra, tekste dhe as vende më të sakta se fshati.

## Njoftimet

dash-announcements-title = Njoftimet
dash-announcement-new = Njoftim i ri
dash-announcement-help = Shkruani një titull dhe një tekst në çdo gjuhë që dëshironi. Gjuhët bosh anashkalohen.
dash-announcement-title = Titulli
dash-announcement-text = Teksti
dash-announcement-picture = Fotografia (JPEG ose PNG, me dëshirë)
dash-announcement-publish = Publiko në të gjitha pajisjet
dash-announcements-list = Njoftimet e publikuara
dash-announcements-none = Ende pa njoftime.
dash-announcement-withdraw = Tërhiq “{ $title }”
dash-published = Publikuar
dash-withdrawn = Tërhequr
dash-actions = Veprimet

## Kategoritë

dash-categories-title = Kategoritë
dash-categories-help = Banorët zgjedhin nga këto kategori. Ndryshimet arrijnë në çdo pajisje në sinkronizimin e ardhshëm.
dash-category-name = Emri
dash-category-id = Identifikuesi (a-z, 0-9 dhe -)
dash-category-add = Shto një kategori
dash-category-rename = Ruaj emrat
dash-category-retire = Hiqe nga lista
dash-category-restore = Ofroje përsëri
dash-category-retired = e hequr

## Regjistri i veprimeve

dash-audit-title = Regjistri i veprimeve
dash-audit-when = Kur
dash-audit-who = Kush
dash-audit-what = Çfarë
dash-audit-target = Mbi çfarë
dash-audit-detail = Hollësi

## Treguesit (faqja e projektit)

dash-nav-indicators = Treguesit
dash-ind-title = Treguesit e projektit
dash-ind-intro = Takimet në komunitet dhe vlerësimet e aftësive digjitale, të numëruara për donatorët e projektit. Emrat nuk ruhen kurrë: njerëzit numërohen sipas profilit, një herë në çdo tabelë, sipas të dhënave që dhanë herën e fundit me pëlqimin e tyre.
dash-ind-country = Shteti
dash-ind-sessions-held = Takime të mbajtura
dash-ind-people-reached = Njerëz të arritur
dash-ind-attendances = Pjesëmarrje
dash-ind-assessments = Vlerësime të bëra
dash-ind-small-cells = Që askush të mos njihet, një numër që numëron më pak se { $min } veta shfaqet si “< { $min }”, dhe fshihet bashkë me të edhe një numër tjetër i vogël i të njëjtit rresht, që totali të mos e zbulojë.
dash-ind-sessions-by-country = Takime të mbajtura sipas shtetit
dash-ind-breakdown = Kë arritëm
dash-ind-by-gender = Sipas gjinisë
dash-ind-by-age = Sipas moshës
dash-ind-by-settlement = Fshat apo qytet
dash-ind-by-country = Sipas shtetit
dash-ind-by-group = Sipas grupit të synuar
dash-ind-col-measure = Treguesi
dash-ind-total = Gjithsej
dash-ind-not-said = Pa thënë
dash-ind-n = n = { $n }
dash-ind-country-al = Shqipëri
dash-ind-country-xk = Kosovë
dash-ind-country-mk = Maqedoni e Veriut
dash-ind-gender-woman = Gra
dash-ind-gender-man = Burra
dash-ind-gender-other = Tjetër
dash-ind-settlement-rural = Fshat
dash-ind-settlement-urban = Qytet
dash-ind-group-older-person = Të moshuar
dash-ind-group-woman-reading-little = Gra që lexojnë pak
dash-ind-group-young-person = Të rinj
dash-ind-group-disability = Persona me aftësi të kufizuara
dash-ind-group-first-phone = Telefoni i parë i mençur
dash-ind-group-minority = Komunitete pakicë
dash-ind-skills = Aftësitë digjitale para dhe pas
dash-ind-skills-intro = Njerëzit me dy ose më shumë vlerësime: i pari përballë të fundit, si pikë mesatare nga 0 (“Nuk mundem”) deri në 3 (“Mund t’u mësoj të tjerëve”), sipas fushës DigComp.
dash-ind-area = Fusha DigComp
dash-ind-people = Njerëz (n)
dash-ind-before = Para
dash-ind-after = Pas
dash-ind-change = Ndryshimi
dash-ind-area-information = Informacioni dhe të dhënat
dash-ind-area-communication = Komunikimi dhe bashkëpunimi
dash-ind-area-content-creation = Krijimi i përmbajtjes digjitale
dash-ind-area-safety = Siguria
dash-ind-area-problem-solving = Zgjidhja e problemeve
dash-ind-export-note = Tabelat si në këtë faqe, me numrat e vegjël të fshehur, dhe vlerësimet nga një rresht secili për analizë: çdo person me një kod të ri të rastësishëm në çdo shkarkim, pa emra, pa identifikues profili, pa fshat, vetëm muaji.
dash-ind-export-tables = Shkarko tabelat (CSV)
dash-ind-export-assessments = Shkarko vlerësimet anonime (CSV)
dash-ind-csv-table = Tabela
dash-ind-csv-category = Grupi
dash-ind-csv-value = Numri
dash-ind-csv-people = Njerëz (n)
dash-ind-csv-person = Personi (kodi)
dash-ind-csv-sequence = Vlerësimi nr.
dash-ind-csv-with-volunteer = Me vullnetar
dash-ind-csv-municipality = Bashkia
dash-ind-csv-score = { $area }: pikët
dash-ind-csv-level = { $area }: niveli
dash-assisted = Shkruar me ndihmë
dash-assisted-by = nga vullnetari { $name }
dash-consent-tap = banori pranoi me një prekje
dash-consent-voice = banori tha po me zë (e regjistruar)
dash-consent-withdrawn = banori ka ndaluar që atëherë vullnetarin ta ndjekë
dash-ind-assisted = Kërkesa të dërguara me ndihmën e një vullnetari
dash-expected-invalid = Jepni datën e pritur si një ditë të kalendarit, si 2026-12-31. Përgjigjja juaj ruhet më poshtë.
