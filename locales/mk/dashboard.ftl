# Контролната табла на општината и јавната страница за транспарентност (серверот за синхронизација).

dash-site = mCommunity · Општина Фуше-Арез
dash-skip = Прескокни до содржината
dash-nav = Контролна табла
dash-language = Јазик
dash-nav-inbox = Пријави
dash-nav-reports = Извештаи
dash-nav-announcements = Соопштенија
dash-nav-categories = Категории
dash-nav-audit = Дневник на активности
dash-nav-transparency = Транспарентност
dash-logout = Одјави се ({ $name })
dash-back-to-inbox = Назад кон пријавите

## Грешки

dash-error-not-found = Не е пронајдено
dash-error-forbidden = Немате дозвола за оваа страница
dash-error-csrf = Формуларот истече. Отворете ја страницата повторно и обидете се уште еднаш.
dash-error-bad-request = Нешто во формуларот не е во ред. Вратете се и проверете.
dash-error-internal = Нешто тргна наопаку на серверот. Обидете се подоцна.

## Најава

dash-login-title = Најава за вработени
dash-login-username = Корисничко име
dash-login-password = Лозинка
dash-login-submit = Најави се
dash-login-wrong = Погрешно корисничко име или лозинка.
dash-login-locked = Премногу погрешни лозинки. Сметката е заклучена 15 минути.

## Пријави

dash-inbox-title = Пријави
dash-inbox-table = Пријави, најновите прво
dash-inbox-count = { $count ->
    [one] { $count } пријава
   *[other] { $count } пријави
}
dash-filters = Филтри
dash-filter-any = Сите
dash-filter-search = Барај во насловот и текстот
dash-filter-status = Статус
dash-filter-category = Категорија
dash-filter-kind = Вид
dash-filter-assigned = Доделено на
dash-filter-from = Испратено од
dash-filter-until = Испратено до
dash-filter-voice = Само со гласовна порака
dash-filter-photo = Само со фотографија
dash-filter-apply = Прикажи
dash-col-sent = Испратено
dash-col-title = Наслов
dash-col-category = Категорија
dash-col-kind = Вид
dash-col-status = Статус
dash-col-assigned = Доделено на
dash-assigned-nobody = Никој
dash-has-photo = Фотографија
dash-has-voice = Гласовна порака
dash-untitled = (без наслов)
dash-category-none = (без категорија)
dash-pages = Страници
dash-page-previous = Претходна страница
dash-page-next = Следна страница
dash-page-of = Страница { $page } од { $pages }

dash-status-received = Примено
dash-status-in-progress = Во тек
dash-status-answered = Одговорено
dash-status-fixed = Решено
dash-status-not-our-responsibility = Не е наша надлежност
dash-status-closed = Затворено

dash-kind-problem = Проблем
dash-kind-request = Барање
dash-kind-complaint = Поплака
dash-kind-proposal = Предлог
dash-kind-question = Прашање

## Една пријава

dash-expected = Се очекува до
dash-location = Место
dash-location-map = Отвори на карта
dash-location-none = Не е наведено место
dash-text = Текст
dash-text-none = Нема текст (погледнете ги фотографиите или гласовната порака).
dash-photos = Фотографии
dash-photo-alt = Фотографија { $n } испратена од жителот
dash-voice = Гласовна порака
dash-voice-length = { $seconds } секунди
dash-voice-download = Преземи ја гласовната порака
dash-conversation = Разговор
dash-conversation-empty = Сè уште нема пораки.
dash-resident = Жител
dash-answer = Одговор
dash-reply = Одговор до жителот (по желба)
dash-answer-send = Зачувај и испрати
dash-reply-by = { $name }, Општина Фуше-Арез
dash-assign = Доделување
dash-assign-to = Додели на
dash-assign-save = Зачувај доделување

## Извештаи и транспарентност

dash-reports-title = Извештаи
dash-totals = Вкупно
dash-received = Примени
dash-answered-share = Одговорени
dash-median = Средно време до првиот одговор
dash-p90 = 9 од 10 одговорени во рок од
dash-hours = { $hours } ч
dash-count = Број
dash-month = Месец
dash-village = Село
dash-by-status = По статус
dash-by-category = По категорија
dash-by-kind = По вид
dash-by-month = По месец
dash-by-village = По село
dash-first-reply = Прв одговор
dash-export = Извоз
dash-export-full = Датотеката содржи текстови и ознаки на жителите (само за администратори).
dash-export-anonymous = Датотеката нема текстови ниту лични податоци.
dash-export-download = Преземи CSV
dash-csv-id = Ознака
dash-csv-author = Ознака на жителот
dash-yes = да
dash-no = не
dash-transparency-title = Како одговара општината
dash-transparency-intro = Што побараа жителите од Општина Фуше-Арез преку mCommunity и колку брзо таа одговори.
dash-transparency-privacy = Тука не се прикажуваат имиња, текстови ниту места попрецизни од селото.

## Соопштенија

dash-announcements-title = Соопштенија
dash-announcement-new = Ново соопштение
dash-announcement-help = Напишете наслов и текст на секој јазик што сакате. Празните јазици се прескокнуваат.
dash-announcement-title = Наслов
dash-announcement-text = Текст
dash-announcement-picture = Слика (JPEG или PNG, по желба)
dash-announcement-publish = Објави на сите уреди
dash-announcements-list = Објавени соопштенија
dash-announcements-none = Сè уште нема соопштенија.
dash-announcement-withdraw = Повлечи „{ $title }“
dash-published = Објавено
dash-withdrawn = Повлечено
dash-actions = Дејства

## Категории

dash-categories-title = Категории
dash-categories-help = Жителите избираат од овие категории. Промените стигнуваат до секој уред при следната синхронизација.
dash-category-name = Име
dash-category-id = Ознака (a-z, 0-9 и -)
dash-category-add = Додај категорија
dash-category-rename = Зачувај ги имињата
dash-category-retire = Повлечи
dash-category-restore = Понуди повторно
dash-category-retired = повлечена

## Дневник на активности

dash-audit-title = Дневник на активности
dash-audit-when = Кога
dash-audit-who = Кој
dash-audit-what = Што
dash-audit-target = Врз што
dash-audit-detail = Детали

## Показатели (страницата на проектот)

dash-nav-indicators = Показатели
dash-ind-title = Показатели на проектот
dash-ind-intro = Средбите во заедницата и проценките на дигиталните вештини, избројани за донаторите на проектот. Имињата никогаш не се чуваат: луѓето се бројат според профилот, еднаш во секоја табела, според податоците што последно ги дале со своја согласност.
dash-ind-country = Држава
dash-ind-sessions-held = Одржани средби
dash-ind-people-reached = Опфатени луѓе
dash-ind-attendances = Присуства
dash-ind-assessments = Направени проценки
dash-ind-small-cells = За никој да не може да се препознае, број што брои помалку од { $min } луѓе е прикажан како „< { $min }“, а со него е скриен уште еден мал број од истиот ред, за збирот да не го открие.
dash-ind-sessions-by-country = Одржани средби по држава
dash-ind-breakdown = Кого опфативме
dash-ind-by-gender = По род
dash-ind-by-age = По возраст
dash-ind-by-settlement = Село или град
dash-ind-by-country = По држава
dash-ind-by-group = По целна група
dash-ind-col-measure = Показател
dash-ind-total = Вкупно
dash-ind-not-said = Не кажале
dash-ind-n = n = { $n }
dash-ind-country-al = Албанија
dash-ind-country-xk = Косово
dash-ind-country-mk = Северна Македонија
dash-ind-gender-woman = Жени
dash-ind-gender-man = Мажи
dash-ind-gender-other = Друго
dash-ind-settlement-rural = Село
dash-ind-settlement-urban = Град
dash-ind-group-older-person = Постари луѓе
dash-ind-group-woman-reading-little = Жени што малку читаат
dash-ind-group-young-person = Млади луѓе
dash-ind-group-disability = Лица со попреченост
dash-ind-group-first-phone = Прв паметен телефон
dash-ind-group-minority = Малцински заедници
dash-ind-skills = Дигитални вештини пред и потоа
dash-ind-skills-intro = Луѓе со две или повеќе проценки: првата наспроти последната, како просечен резултат од 0 („Не можам“) до 3 („Можам да ги научам другите“), по област на DigComp.
dash-ind-area = Област на DigComp
dash-ind-people = Луѓе (n)
dash-ind-before = Пред
dash-ind-after = Потоа
dash-ind-change = Промена
dash-ind-area-information = Информации и податоци
dash-ind-area-communication = Комуникација и соработка
dash-ind-area-content-creation = Создавање дигитални содржини
dash-ind-area-safety = Безбедност
dash-ind-area-problem-solving = Решавање проблеми
dash-ind-export-note = Табелите како на оваа страница, со скриени мали броеви, и проценките по еден ред за анализа: секое лице под нов случаен код при секое преземање, без имиња, без ознаки на профил, без село, само месецот.
dash-ind-export-tables = Преземи ги табелите (CSV)
dash-ind-export-assessments = Преземи анонимни проценки (CSV)
dash-ind-csv-table = Табела
dash-ind-csv-category = Група
dash-ind-csv-value = Број
dash-ind-csv-people = Луѓе (n)
dash-ind-csv-person = Лице (код)
dash-ind-csv-sequence = Проценка бр.
dash-ind-csv-with-volunteer = Со волонтер
dash-ind-csv-municipality = Општина
dash-ind-csv-score = { $area }: резултат
dash-ind-csv-level = { $area }: ниво
dash-assisted = Напишано со помош
dash-assisted-by = од волонтерот { $name }
dash-consent-tap = жителот се согласи со допир
dash-consent-voice = жителот рече да на глас (снимено)
dash-consent-withdrawn = жителот оттогаш му забрани на волонтерот да го следи
dash-ind-assisted = Барања испратени со помош на волонтер
dash-expected-invalid = Внесете го очекуваниот датум како ден од календарот, на пример 2026-12-31. Вашиот одговор е зачуван подолу.
