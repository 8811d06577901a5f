# The municipality's dashboard and the public transparency page (sync server).

dash-site = mCommunity · Municipality of Fushë-Arrëz
dash-skip = Skip to the content
dash-nav = Dashboard
dash-language = Language
dash-nav-inbox = Inbox
dash-nav-reports = Reports
dash-nav-announcements = Announcements
dash-nav-categories = Categories
dash-nav-audit = Audit log
dash-nav-transparency = Transparency
dash-logout = Log out ({ $name })
dash-back-to-inbox = Back to the inbox

## Errors

dash-error-not-found = Not found
dash-error-forbidden = You are not allowed to see this page
dash-error-csrf = The form has expired. Open the page again and try once more.
dash-error-bad-request = Something in the form is not right. Go back and check it.
dash-error-internal = Something went wrong on the server. Try again later.

## Login

dash-login-title = Staff login
dash-login-username = Username
dash-login-password = Password
dash-login-submit = Log in
dash-login-wrong = Wrong username or password.
dash-login-locked = Too many wrong passwords. The account is locked for 15 minutes.

## Inbox

dash-inbox-title = Inbox
dash-inbox-table = Submissions, newest first
dash-inbox-count = { $count ->
    [one] One submission
   *[other] { $count } submissions
}
dash-filters = Filters
dash-filter-any = Any
dash-filter-search = Search in title and text
dash-filter-status = Status
dash-filter-category = Category
dash-filter-kind = Kind
dash-filter-assigned = Assigned to
dash-filter-from = Sent from
dash-filter-until = Sent until
dash-filter-voice = Only with a voice note
dash-filter-photo = Only with a photo
dash-filter-apply = Show
dash-col-sent = Sent
dash-col-title = Title
dash-col-category = Category
dash-col-kind = Kind
dash-col-status = Status
dash-col-assigned = Assigned to
dash-assigned-nobody = Nobody
dash-has-photo = Photo
dash-has-voice = Voice note
dash-untitled = (no title)
dash-category-none = (no category)
dash-pages = Pages
dash-page-previous = Previous page
dash-page-next = Next page
dash-page-of = Page { $page } of { $pages }

dash-status-received = Received
dash-status-in-progress = In progress
dash-status-answered = Answered
dash-status-fixed = Fixed
dash-status-not-our-responsibility = Not our responsibility
dash-status-closed = Closed

dash-kind-problem = Problem
dash-kind-request = Request
dash-kind-complaint = Complaint
dash-kind-proposal = Proposal
dash-kind-question = Question

## One submission

dash-expected = Expected by
dash-location = Place
dash-location-map = Open on a map
dash-location-none = No place given
dash-text = Text
dash-text-none = No text (see the photos or the voice note).
dash-photos = Photos
dash-photo-alt = Photo { $n } sent by the resident
dash-voice = Voice note
dash-voice-length = { $seconds } seconds
dash-voice-download = Download the voice note
dash-conversation = Conversation
dash-conversation-empty = No messages yet.
dash-resident = Resident
dash-answer = Answer
dash-reply = Reply to the resident (optional)
dash-answer-send = Save and send
dash-reply-by = { $name }, Municipality of Fushë-Arrëz
dash-assign = Assign
dash-assign-to = Assign to
dash-assign-save = Save assignment

## Reports and transparency

dash-reports-title = Reports
dash-totals = In total
dash-received = Received
dash-answered-share = Answered
dash-median = Median time to first reply
dash-p90 = 9 in 10 answered within
dash-hours = { $hours } h
dash-count = Number
dash-month = Month
dash-village = Village
dash-by-status = By status
dash-by-category = By category
dash-by-kind = By kind
dash-by-month = By month
dash-by-village = By village
dash-first-reply = First reply
dash-export = Export
dash-export-full = The file includes texts and resident ids (admin only).
dash-export-anonymous = The file has no texts and no personal data.
dash-export-download = Download CSV
dash-csv-id = Id
dash-csv-author = Resident id
dash-yes = yes
dash-no = no
dash-transparency-title = How the municipality answers
dash-transparency-intro = What residents asked the Municipality of Fushë-Arrëz through mCommunity, and how fast it answered.
dash-transparency-privacy = No names, no texts and no places finer than a village are shown here.

## Announcements

dash-announcements-title = Announcements
dash-announcement-new = New announcement
dash-announcement-help = Write a title and a text in each language you want. Languages left empty are skipped.
dash-announcement-title = Title
dash-announcement-text = Text
dash-announcement-picture = Picture (JPEG or PNG, optional)
dash-announcement-publish = Publish to every device
dash-announcements-list = Published announcements
dash-announcements-none = No announcements yet.
dash-announcement-withdraw = Withdraw “{ $title }”
dash-published = Published
dash-withdrawn = Withdrawn
dash-actions = Actions

## Categories

dash-categories-title = Categories
dash-categories-help = Residents choose from these categories. Changes reach every device at its next sync.
dash-category-name = Name
dash-category-id = Id (a-z, 0-9 and -)
dash-category-add = Add a category
dash-category-rename = Save names
dash-category-retire = Retire
dash-category-restore = Offer again
dash-category-retired = retired

## Audit log

dash-audit-title = Audit log
dash-audit-when = When
dash-audit-who = Who
dash-audit-what = What
dash-audit-target = On what
dash-audit-detail = Detail
