//! A process killed with SIGKILL in the middle of a burst of autosaves leaves a database that
//! opens, holding every write that returned before the kill.

use std::{
    io::{BufRead, BufReader},
    process::{Command, Stdio},
};

use mcommunity_client::device::Device;

const RUNS: usize = 50;

#[test]
fn a_killed_writer_loses_no_write_that_returned() {
    let burst = env!("CARGO_BIN_EXE_mcommunity-write-burst");
    for run in 0..RUNS {
        let dir = tempfile::tempdir().unwrap();
        let mut child = Command::new(burst)
            .args([dir.path().to_str().unwrap(), "100000"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let draft = lines.next().unwrap().unwrap().strip_prefix("draft ").unwrap().to_owned();
        // Kill after a different number of acknowledged writes each run, so the kill lands in
        // increments, in compactions, and between them.
        let kill_after = 1 + (run * 37) % 120;
        let mut acknowledged = None;
        for line in lines.by_ref() {
            let n: usize = line.unwrap().parse().unwrap();
            acknowledged = Some(n);
            if n + 1 >= kill_after {
                break;
            }
        }
        child.kill().unwrap(); // SIGKILL on Unix: no destructor, no flush, no goodbye
        // Writes acknowledged between our last read and the kill count too.
        for line in lines.map_while(Result::ok) {
            acknowledged = Some(line.parse().unwrap());
        }
        child.wait().unwrap();
        let acknowledged = acknowledged.expect("the writer acknowledged at least one write");

        let mut device = Device::open(dir.path()).unwrap();
        let start = device.start().unwrap();
        assert!(start.notice.is_none(), "run {run}: the database opens cleanly after the kill");
        let text = device.draft(&draft).unwrap().text;
        let words: Vec<&str> = text.split_whitespace().collect();
        assert!(
            words.len() > acknowledged,
            "run {run}: write {acknowledged} returned before the kill but the draft has {} words",
            words.len()
        );
        for (i, w) in words.iter().enumerate() {
            assert_eq!(*w, format!("w{i}"), "run {run}: the text is an intact prefix of what was typed");
        }
        device
            .update_draft(
                &draft,
                mcommunity_client::view::DraftPatch { text: Some("still writable".into()), ..Default::default() },
            )
            .unwrap();
    }
}
