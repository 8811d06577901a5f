## Errors the app's Rust side reports. Each says what to do, in few words.

error-not-found = We could not find that. It may have been deleted.
error-no-active-profile = First choose who is using the app.
error-wrong-pin = That PIN is not right. Try again.
error-pin-locked = Too many wrong tries. Wait one minute, then try again.
error-invalid-input = Something here is not right. Look at the marked field.
error-disk-full = The phone's memory is full, so this was not saved. Free some space (delete old photos or videos), then try again. What you typed is still here.
error-storage-corrupt = The app's data file was damaged. It was kept aside so nothing more is lost, and the app started fresh. Ask a helper for support.
error-storage = The app could not save. Try again. What you typed is still here.
error-internal = Something went wrong in the app. Try again. If it happens again, ask a helper.
error-name-empty = Write a name.
error-name-too-long = The name is too long. Use at most { $max } letters.
error-pin-format = The PIN must be { $min } to { $max } numbers.
error-title-too-long = The title is too long. Use at most { $max } letters.
error-text-too-long = The text is too long. Use at most { $max } letters, or record a voice note.
error-unknown-category = Choose a topic from the list.
notice-storage-recovered = The app's data file was damaged. It was kept aside as { $file } and the app started fresh.
error-offline = There is no connection to the municipality now. Your work is saved on this device; try again when there is a signal.
error-sync-off = Sending is not set up on this device. Ask a helper.
error-pairing-invalid = This code is wrong or too old. Ask for a new code on the other phone and type it again.
error-too-many-attempts = Too many wrong tries. Wait a few minutes, then try again.
error-update-required = This app is too old to send. Update the app.
sync-message-off = Sending to the municipality is not set up on this device. Your work is saved here.
sync-message-offline = No connection. Your work is saved and will be sent later.
sync-message-error = Sending did not work. Your work is saved. We will try again.
sync-message-no-keyring = This device has no safe place for its sending key, so sending is off. Your work is saved here.
sync-message-update = Update the app to send your work.
