# Апликацијата mCommunity: македонски. Кратки зборови, за луѓе што читаат малку.

## Заеднички

common-loading = Се отвора…
common-error-unexpected = Нешто не тргна добро. Обидете се пак.
common-close = Затвори
common-back = Назад
common-home = Почетна
common-read-aloud = Прочитај гласно
common-stop-reading = Запри го читањето
common-listen = Слушај
common-stop = Запри

## Јазик (на почетокот, и кај Луѓе). `language-name` е името на јазикот на самиот тој јазик.

language-name = Македонски
language-title = Изберете јазик

## Кој ја користи апликацијата?

who-title = Кој ја користи апликацијата?
who-new-person = Нова личност
who-with-pin = { $name }, со ПИН

## ПИН

pin-title = { $name }
pin-label = Вашиот ПИН
pin-pad = Копчиња со бројки
pin-erase = Избриши
pin-submit = Отвори

## Нова личност

person-new-title = Нова личност
person-name = Име
person-avatar = Слика
person-pin = ПИН (ако сакате)
person-pin-hint = Од 4 до 6 бројки. Оставете празно ако не сакате ПИН.
person-pin-repeat = ПИН уште еднаш
person-create = Готово
person-error-name-required = Напишете име.
person-error-name-too-long = Името е предолго. Најмногу 60 букви.
person-error-pin-format = ПИН-от треба да има од 4 до 6 бројки.
person-error-pin-mismatch = Двата ПИН-а не се исти.

avatar-sun = Сонце
avatar-moon = Месечина
avatar-tree = Дрво
avatar-flower = Цвет
avatar-bird = Птица
avatar-fish = Риба
avatar-mountain = Планина
avatar-house = Куќа

## Почетна

home-greeting = Здраво, { $name }!
home-change-person = Смени личност
home-tile-learn = Учи
home-tile-practise = Вежбај
home-tile-requests = Мои барања
home-tile-news = Вести
home-tile-people = Луѓе

## Мои барања

requests-title = Мои барања
requests-new = Ново барање
requests-empty = Сè уште немате барања.
requests-no-title = (без наслов)
requests-updated = { $days ->
    [0] Денес
    [1] Вчера
    [one] пред { $days } ден
   *[other] пред { $days } дена
}
requests-kind-title = Што сакате да испратите?

kind-problem = Проблем
kind-request = Барање
kind-complaint = Жалба
kind-proposal = Идеја
kind-question = Прашање

## Пишување барање

draft-kind = Вид
draft-category = Тема
draft-category-none = Изберете тема
draft-title = Наслов
draft-title-hint = Неколку зборови.
draft-text = Што сакате да кажете?
draft-text-hint = Кажете што се случило и каде.
draft-status-saving = Се зачувува…
draft-status-saved = Зачувано
draft-status-error = Уште не е зачувано
draft-retry-note = Ќе пробаме пак наскоро.
draft-delete = Избриши
draft-delete-confirm = Да се избрише ова барање?
draft-delete-yes = Избриши
draft-delete-no = Задржи
draft-send = Испрати до општината
draft-send-confirm = Да се испрати ова барање до општината?
draft-send-confirm-detail = По испраќањето, не може повеќе да се менува. Општината ќе го прочита. Ќе замине само штом има врска.
draft-send-yes = Испрати
draft-send-no = Уште не
draft-sent-done = Испратено. Општината ќе ви одговори тука.
draft-sent-at = Испратено на { $date } во { $time }
draft-sent-locked = Испратено барање не може да се менува.
draft-photos = Фотографии
draft-photos-hint = До { $max } фотографии.
draft-photo-add = Додај фотографија
draft-photo-alt = Фотографија { $n } од { $count }
draft-photo-remove = Отстрани фотографија { $n }
draft-photos-full = Имате { $max } фотографии. Повеќе не може.
request-status-draft = Нацрт
request-status-sent = Испратено
request-status-received = Примено
request-status-in-progress = Во тек
request-status-answered = Одговорено
request-status-fixed = Поправено
request-status-not-ours = Не е за општината
request-status-closed = Затворено
answer-your-request = Вашето барање
answer-title = Одговорот на општината
answer-waiting = Сè уште нема одговор. Општината ќе ви одговори тука.
answer-expected = Се очекува до { $date }
answer-reply-at = На { $date } во { $time }
answer-listen = Слушај: одговорот од { $by }
answer-arrived = Ново од општината: { $status }

## Voice note: in the request editor, and its player. `voice-time` reads "0:12 of 3:00".

voice-title = Гласовна порака
voice-hint = Можете да го кажете наместо да пишувате. До { $minutes } минути.
voice-record = Сними
voice-asking = Се бара микрофонот…
voice-recording = Се снима. Зборувајте сега.
voice-time = { $time } од { $max }
voice-time-label = Снимено време
voice-stop = Запри
voice-saving = Снимката се зачувува…
voice-listen = Слушај
voice-pause = Пауза
voice-length = Должина: { $time }
voice-at-limit = Снимањето запре на { $max }. Гласовната порака не може да биде подолга.
voice-again = Сними повторно
voice-again-confirm = Да снимите нова гласовна порака? Таа ќе ја замени оваа.
voice-again-yes = Сними повторно
voice-again-no = Задржи ја оваа
voice-remove = Отстрани
voice-remove-confirm = Да се отстрани гласовната порака?
voice-remove-yes = Отстрани
voice-remove-no = Задржи
voice-denied = Апликацијата нема дозвола за микрофонот. За да дозволите, отворете ги Поставките на телефонот, потоа Апликации, mCommunity, Дозволи, и вклучете Микрофон. Потоа повторно притиснете Сними.
voice-no-microphone = Не е пронајден микрофон. Можете да пишувате, или побарајте помош од помошник.
voice-failed = Снимањето не успеа. Обидете се пак.

## Place of a request: optional, chosen on a drawn map or from the villages. Village names are proper nouns.

place-title = Место
place-title-optional = Место (ако сакате)
place-hint = Покажете на карта каде е.
place-add = Додај место
place-change = Промени место
place-remove = Отстрани место
place-near = Близу { $village }
place-screen-title = Каде е?
place-why = Местото им помага на работниците да го најдат. Не мора да го додадете.
place-map = Карта: { $municipality }
place-map-help = Допрете ја картата каде што е. Со тастатура: стрелките ја поместуваат иглата, Enter избира.
place-list = Или изберете село:
place-no-pin = Сè уште не е избрано место.
place-use = Користи го ова место

## Conversation on a sent request: the person's messages and the municipality's replies.

talk-title = Разговор
talk-you = Вие
talk-listen-mine = Слушај: вашата порака
talk-message = Додадете порака
talk-message-hint = Општината ќе ја прочита заедно со вашето барање.
talk-send = Испрати порака
talk-kept = Пораката е зачувана. Ќе замине со следната врска.

## News: the municipality's announcements.

news-title = Вести
news-empty = Сè уште нема вести од општината.
news-date = Објавено на { $date }
news-listen = Слушај: { $title }

## Луѓе

people-title = Луѓе
people-name = Име
people-rename = Зачувај го името
people-renamed = Името е зачувано
people-avatar = Слика
people-language = Јазик
people-change-person = Смени личност
people-new-person = Нова личност
people-delete = Избриши ја оваа личност
people-delete-confirm = { $drafts ->
    [0] Да се избрише { $name }?
    [one] Да се избрише { $name }? Ќе се изгуби { $drafts } неиспратено барање.
   *[other] Да се избрише { $name }? Ќе се изгубат { $drafts } неиспратени барања.
}
people-delete-yes = Избриши
people-delete-no = Задржи

## Испраќање (синхронизација). На Почетна и кај Мои барања; кратко и мирно: работата никогаш не се губи.

sync-pending = { $count ->
    [one] Зачувано на овој телефон, { $count } чека да се испрати
   *[other] Зачувано на овој телефон, { $count } чекаат да се испратат
}
sync-done = Сè е испратено
sync-syncing = Се испраќа…
sync-offline = Нема врска — вашата работа е безбедна
sync-off = Зачувано на овој телефон — испраќањето не е поставено
sync-error = Уште не е испратено — вашата работа е безбедна
sync-waiting = { $count ->
    [one] { $count } чека да се испрати
   *[other] { $count } чекаат да се испратат
}
sync-sent-now = Испратено штотуку
sync-sent-minutes = { $minutes ->
    [one] Испратено пред { $minutes } минута
   *[other] Испратено пред { $minutes } минути
}
sync-sent-hours = { $hours ->
    [one] Испратено пред { $hours } час
   *[other] Испратено пред { $hours } часа
}
sync-sent-days = { $days ->
    [1] Испратено вчера
    [one] Испратено пред { $days } ден
   *[other] Испратено пред { $days } дена
}
sync-sent-date = Испратено на { $date }
sync-send-now = Испрати сега

## Друг телефон (поврзување). `pairing-enter` и `pairing-show` се цитираат во чекорите на другиот екран.

pairing-show = Користи ја оваа личност на друг телефон
pairing-show-asking = Се бара код…
pairing-show-steps = На другиот телефон отворете mCommunity, допрете „{ pairing-enter }“ и внесете го овој код:
pairing-code-spoken = Кодот е { $digits }.
pairing-minutes-left = { $minutes ->
    [one] Важи уште { $minutes } минута.
   *[other] Важи уште { $minutes } минути.
}
pairing-expired = Овој код веќе не важи.
pairing-new-code = Нов код
pairing-try-again = Обиди се пак
pairing-done = Готово
pairing-enter = Веќе користам mCommunity на друг телефон
pairing-enter-title = Поврзи се со другиот телефон
pairing-enter-steps = На другиот телефон отворете „{ home-tile-people }“ и допрете „{ pairing-show }“. Внесете го кодот што ќе се појави.
pairing-code-label = Код (8 бројки)
pairing-code-hint = Со или без празно место.
pairing-submit = Поврзи
pairing-connecting = Се поврзува…
pairing-error-empty = Внесете го кодот од другиот телефон.
pairing-error-format = Кодот има 8 бројки. Погледнете го другиот телефон и внесете ги сите.
pairing-connected = Поврзано. Вашите работи пристигнуваат.

## Учи (лекции). Текстовите на лекциите доаѓаат од самите лекции; ова се зборовите околу нив.

learn-title = Учи
learn-empty = Сè уште нема лекции.
learn-course-beginners = Први чекори
learn-course-everyday = Секој ден
learn-course-helpers = За помагачи
learn-minutes = { $minutes } мин
learn-status-new = Ново
learn-status-started = { $seen } од { $total }
learn-status-done = Готово
lesson-in-language = Оваа лекција е на { $language }.
lesson-step = Чекор { $step } од { $total }
lesson-question = Прашање { $number } од { $total }
lesson-next = Понатаму
lesson-finish = Заврши
lesson-right = Точно!
lesson-wrong = Не ова.
lesson-listen-choice = Слушај го одговорот { $choice }
lesson-done-title = Браво!
lesson-done-learnt = Научивте:
lesson-done-list = Назад кон лекциите
lesson-repeat = Направи ја лекцијата пак

## Вежбај (обрасци за вежбање). Текстовите на обрасците и грешките доаѓаат од обрасците и од Rust.

practise-title = Вежбај
practise-safe = Ова е само вежба. Ништо не се испраќа никаде.
practise-empty = Сè уште нема обрасци за вежбање.
practise-portal-e-albania = e-Albania
practise-portal-e-kosova = e-Kosova
practise-portal-uslugi = uslugi.gov.mk
practise-portal-municipality = Општина
practise-practised = Вежбано
practise-finished = Завршено
practice-in-language = Овој образец е на { $language }.
practice-not-saved = Тоа што го пишувате тука не се зачувува.
practice-steps-title = Како оди вистинската услуга
practice-listen-step = Слушај го чекорот { $step }
practice-start = Почни
practice-page = Страница { $page } од { $total }
practice-next-page = Следна страница
practice-finish = Заврши
practice-problems = Некои полиња треба да се поправат. Погледнете ги црвените зборови.
practice-example = Пример: { $example }
practice-listen-help = Слушај помош
practice-help-show = Помош
practice-help-hide = Скриј помош
practice-choose = Изберете…
practice-file-choose = Изберете датотека
practice-file-chosen = Избрано: { $name }
practice-file-name = moj-dokument.pdf
practice-sms = СМС за вежба: вашиот код е { $code }
practice-end-title = Браво!
practice-end-text = Ја завршивте вежбата.
practice-next-title = Што би се случило потоа
practice-end-list = Назад кон вежбите
practice-again = Обиди се пак

## Средби во заедницата, барања напишани со помошник, проверка на вештините (прашање 6)
common-next = Понатаму
sessions-open = Средби
sessions-title = Средби во заедницата
sessions-new = Нова средба
sessions-empty = Сè уште нема средби.
sessions-count = Дојдоа { $present } од { $registered }
volunteer-why = Средбите се за волонтери. Најавете се еднаш со волонтерската сметка што ви ја даде проектот.
volunteer-connection = За ова треба интернет само еднаш. Потоа работи и без интернет.
volunteer-username = Име на волонтерската сметка
volunteer-password = Лозинка
volunteer-sign-in = Најави се како волонтер
volunteer-signed-in = Волонтер: { $username }
session-new-title = Нова средба
session-date = Ден
session-village = Село
session-village-other = Друго место
session-place = Име на местото
session-municipality = Општина
session-country = Држава
session-topic = За што е
session-topic-hint = Неколку зборови, на пример „Како да испратиме барање до општината“.
session-planned = Планирани лекции
session-create = Создај ја средбата
session-add-person = Додај лице
session-people = { $count ->
    [one] Едно лице
   *[other] { $count } лица
}
session-empty = Сè уште никој не е на списокот.
session-present = Дојде
session-not-present = Не е тука
session-someone-elsewhere = Некој од друг телефон
session-learned = Денес: { $lessons } завршени лекции, { $forms } вежбани формулари.
session-no-facts = Не кажа ништо за себе.
session-record-learning = Запиши што научи денес
session-note = Белешка
session-note-hint = Се зачувува додека пишувате. Не пишувајте имиња тука.
session-add-title = Додај лице
session-add-who = Кој дојде?
session-add-new = Некој нов
session-add-done = { $name } е на списокот.
session-add-back = Назад кон средбата
session-edit = Измени
session-edit-title = Измени ја средбата
session-edit-save = Зачувај ги промените
session-remove = Отстрани од оваа средба
session-remove-confirm = Да се отстрани { $name } од оваа средба?
session-remove-detail = Се менува само списокот на оваа средба. { $name } останува на овој телефон, со сиот свој напредок.
session-remove-yes = Отстрани
session-remove-no = Задржи
facts-listen = Слушај
facts-progress = Прашање { $step } од { $total }
facts-explain-title = { $name }, пред да почнеме
facts-explain-what = Ве прашуваме неколку работи: жена или маж, колку години имате, село или град, државата, и дали ви одговара некоја од неколку групи.
facts-explain-why = Ова им покажува на донаторите на проектот до кои луѓе стигнува проектот.
facts-explain-optional = Секое прашање може да се прескокне. Само изберете „Не сакам да кажам“.
facts-explain-who = Никој не го гледа вашето име со одговорите. Тие само се бројат заедно со сите други.
facts-gender = Дали сте жена или маж?
facts-gender-woman = Жена
facts-gender-man = Маж
facts-gender-other = Друго
facts-age = Колку години имате?
facts-age-16-24 = 16 до 24
facts-age-25-54 = 25 до 54
facts-age-55-74 = 55 до 74
facts-age-75 = 75 или повеќе
facts-settlement = Каде живеете?
facts-settlement-rural = Во село
facts-settlement-urban = Во град
facts-country = Во која држава живеете?
facts-country-al = Албанија
facts-country-xk = Косово
facts-country-mk = Северна Македонија
facts-groups = Дали ви одговара нешто од ова?
facts-many = Може да изберете повеќе од едно.
facts-group-older-person = Постаро лице (65 или повеќе)
facts-group-woman-reading-little = Жена што малку чита
facts-group-young-person = Младо лице (16 до 24)
facts-group-disability = Лице со попреченост
facts-group-first-phone = Прв пат со паметен телефон
facts-group-minority = Од малцинска заедница
facts-prefer-not = Не сакам да кажам
facts-consent-title = Дали се согласувате?
facts-consent-text = Ги чуваме вашите одговори, без вашето име, за да ги изброиме луѓето до кои стигнува проектот. Може да кажете не: тогаш ништо од кажаното не се чува.
facts-consent-yes = Да, се согласувам
facts-consent-no = Не, не ги чувајте одговорите
assist-title = Напишано со помошник
assist-start = Напишано со помошник
assist-choose = Кој ви помогна?
assist-with = Напишано со помош на { $name }
assist-consent-next = Пред испраќање ќе ве прашаме дали се согласувате.
assist-agreed = Се согласивте да се испрати.
assist-withdraw = { $name } да не го следи повеќе ова барање
assist-withdrawn = { $name } повеќе не го следи ова барање.
assist-withdraw-confirm = { $name } да престане да го следи ова барање?
assist-withdraw-detail = { $name } повеќе нема да ги гледа одговорите. Барањето останува испратено.
assist-withdraw-yes = Престани
assist-withdraw-no = Задржи
consent-title = Дали се согласувате да се испрати?
consent-text = { $name } ви помогна да го напишете ова барање. Тоа оди до општината во ваше име. Општината ќе види дека { $name } помогна. { $name } може да ги гледа одговорите додека не кажете доста.
consent-yes = Да, испрати го
consent-say = Кажи „да“
consent-say-hint = Ако читањето е тешко: притиснете „Кажи да“, кажете „да“, потоа притиснете Стоп.
consent-listening = Слушаме… кажете „да“.
consent-saving = Го чуваме вашето „да“…
consent-back = Назад кон барањето
helped-open = Барања каде помогнав
helped-title = Барања каде помогнав
helped-hint = Ги гледате само додека секое лице се согласува.
helped-empty = Нема барања за следење.
helped-for = За { $name }
helped-read-only = Може да го читате ова барање. Само лицето може да го менува.
helped-resident-said = Лицето
taken-open = Проверки на вештините што ги водев
taken-title = Проверки на вештините што ги водев
taken-hint = Проверките на вештините што ги правевте со луѓето, најновите најпрво.
taken-empty = Сè уште немате направено проверка на вештините со никого.
taken-read-only = Може да ги видите овие резултати. Одговорите не може да се менуваат тука.
taken-on = Направена на { $date }
taken-strengths = Силни страни: { $name }
taken-gone = Оваа проверка на вештините веќе ја нема.
skills-open = Проверка на вештините
skills-title = Проверка на вештините
skills-start-hint = Неколку реченици за користење телефон. За секоја изберете колку добро го правите тоа. Нема погрешни одговори.
skills-last = Вашата последна проверка
skills-who = Кој е со вас?
skills-alone = Сам или сама
skills-with = Со { $name }
skills-start = Почни ја проверката
skills-how = Како да одговорите
skills-progress = Реченица { $step } од { $total }
skills-progress-label = Колку сте напреднале
skills-answers = Вашиот одговор
skills-rating-cannot-do = Сè уште не
skills-rating-with-help = Со помош
skills-rating-on-my-own = Самостојно
skills-rating-can-teach = Можам да научам друг
skills-tasks-title = За помошникот: што направи лицето?
skills-tasks-hint = Означете што лицето направи денес со свои раце.
skills-finish = Заврши
skills-result-title = Вашите силни страни
skills-result-hint = Ова е она што знаете да правите денес. Расте со вежбање.
skills-area-information = Наоѓање информации
skills-area-communication = Разговор и споделување
skills-area-content-creation = Фотографии и текстови
skills-area-safety = Безбедност
skills-area-problem-solving = Решавање проблеми
skills-level-1 = Штотуку почнува
skills-level-2 = Напредува
skills-level-3 = Самостојно
skills-level-4 = Силно
skills-not-asked = Сè уште не е прашано
skills-compare-title = Порано и сега
skills-before = Порано: { $level }
skills-now = Сега: { $level }
skills-trend-up = Подобро
skills-trend-same = Исто
skills-trend-down = Малку помалку овој пат
skills-done = Готово
