//! Two server instances, each with its own connection pool, on one PostgreSQL database: devices
//! that reach different instances pair and see each other's drafts.

use std::sync::Arc;

use mcommunity_core::ids::ProfileId;
use mcommunity_sync_server::storage::postgres::PgStorage;

use crate::{
    phone::{Phone, Server, kind, profile, text},
    support::TestDatabase,
};

#[tokio::test]
async fn devices_on_two_instances_of_one_database_see_each_others_drafts() {
    let database = TestDatabase::create().await;
    let first = Server::over(Arc::new(PgStorage::connect(&database.url).await.unwrap()), tempfile::tempdir().unwrap());
    let second = Server::over(Arc::new(PgStorage::connect(&database.url).await.unwrap()), tempfile::tempdir().unwrap());

    let laptop = Phone::new(&first).await;
    let (pid, laptop_draft) = laptop.device(|d| {
        let p = d.create_profile(&profile("Drita")).unwrap();
        let draft = d.create_draft(kind()).unwrap();
        d.update_draft(&draft.id, text("The street light is broken.")).unwrap();
        (p.id.parse::<ProfileId>().unwrap(), draft.id)
    });
    laptop.sync().await;

    // The phone registers and claims the code at the other instance.
    let phone = Phone::new(&second).await;
    phone.pair_from(&laptop, pid).await;
    phone.sync().await;
    let phone_draft = phone.device(|d| {
        d.open_profile(&pid.to_string(), None).unwrap();
        assert_eq!(d.draft(&laptop_draft).unwrap().text, "The street light is broken.");
        let draft = d.create_draft(kind()).unwrap();
        d.update_draft(&draft.id, text("The bus stop has no roof.")).unwrap();
        draft.id
    });
    phone.sync().await;

    laptop.sync().await;
    let on_laptop = laptop.device(|d| {
        d.open_profile(&pid.to_string(), None).unwrap();
        d.draft(&phone_draft).unwrap().text
    });
    assert_eq!(
        on_laptop, "The bus stop has no roof.",
        "the phone's draft reached the laptop through the other instance"
    );

    // Offline edits of one draft on both sides merge, each side syncing through its own instance.
    laptop.edit(pid, &laptop_draft, "The street light is broken again.");
    phone.edit(pid, &laptop_draft, "The old street light is broken.");
    laptop.sync().await;
    phone.sync().await;
    laptop.sync().await;
    assert_eq!(laptop.draft_text(pid, &laptop_draft), "The old street light is broken again.");
    assert_eq!(phone.draft_text(pid, &laptop_draft), laptop.draft_text(pid, &laptop_draft));
}
