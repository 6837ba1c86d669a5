import type { Migration } from './migrations'

/** The schema's history. Append new steps; never edit a released one. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'settings',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL
      );
    `
  },
  {
    version: 2,
    name: 'interview pipeline',
    sql: `
      CREATE TABLE clients (
        seq INTEGER PRIMARY KEY, -- stable rowid, keys the search index
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        company TEXT NOT NULL DEFAULT '',
        website TEXT NOT NULL DEFAULT '',
        time_zone TEXT,
        country TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE client_red_flags (
        id TEXT PRIMARY KEY NOT NULL,
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('no_show', 'other')),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      );
      CREATE INDEX client_red_flags_client ON client_red_flags(client_id);

      CREATE TABLE jobs (
        seq INTEGER PRIMARY KEY, -- stable rowid, keys the search index
        id TEXT NOT NULL UNIQUE,
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        budget_type TEXT NOT NULL CHECK (budget_type IN ('fixed', 'hourly')),
        budget REAL,
        skills TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(skills)),
        posted_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX jobs_client ON jobs(client_id);

      CREATE TABLE proposals (
        seq INTEGER PRIMARY KEY, -- stable rowid, keys the search index
        id TEXT NOT NULL UNIQUE,
        job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        cover_letter TEXT NOT NULL DEFAULT '',
        bid_type TEXT NOT NULL CHECK (bid_type IN ('fixed', 'hourly')),
        amount REAL NOT NULL,
        estimated_duration TEXT NOT NULL DEFAULT '',
        attachments TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attachments)),
        submitted_at TEXT NOT NULL,
        viewed_at TEXT
      );
      CREATE INDEX proposals_job ON proposals(job_id);
      CREATE TABLE proposal_terms_history (
        id INTEGER PRIMARY KEY,
        proposal_id TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        bid_type TEXT NOT NULL,
        amount REAL NOT NULL,
        estimated_duration TEXT NOT NULL,
        changed_at TEXT NOT NULL
      );
      CREATE INDEX proposal_terms_history_proposal ON proposal_terms_history(proposal_id);

      CREATE TABLE interviews (
        id TEXT PRIMARY KEY NOT NULL,
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        job_id TEXT REFERENCES jobs(id) ON DELETE SET NULL,
        proposal_id TEXT REFERENCES proposals(id) ON DELETE SET NULL,
        title TEXT NOT NULL,
        scenario TEXT NOT NULL CHECK (scenario IN ('more_info', 'convinced', 'negotiation', 'direct_hire')),
        type TEXT NOT NULL CHECK (type IN ('call', 'paid_sample', 'unpaid_sample')),
        sample_instructions TEXT NOT NULL DEFAULT '',
        sample_fee REAL,
        sample_due_at TEXT,
        channel TEXT NOT NULL CHECK (channel IN ('builtin', 'marketplace', 'zoom', 'other')),
        channel_link TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('invited', 'accepted', 'scheduled', 'done', 'offer', 'no_offer', 'hired', 'declined', 'no_show')),
        outcome_notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX interviews_status ON interviews(status, updated_at);
      CREATE INDEX interviews_client ON interviews(client_id);
      CREATE INDEX interviews_created ON interviews(created_at);

      CREATE TABLE interview_status_history (
        id INTEGER PRIMARY KEY,
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        from_status TEXT,
        to_status TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX interview_status_history_interview ON interview_status_history(interview_id);
      CREATE INDEX interview_status_history_to ON interview_status_history(to_status, changed_at);

      CREATE TABLE invitations (
        id TEXT PRIMARY KEY NOT NULL,
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        message TEXT NOT NULL DEFAULT '',
        received_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'archived')),
        responded_at TEXT,
        decline_reasons TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(decline_reasons)),
        decline_note TEXT NOT NULL DEFAULT '',
        accept_message TEXT NOT NULL DEFAULT '',
        interview_id TEXT REFERENCES interviews(id) ON DELETE SET NULL
      );
      CREATE INDEX invitations_status ON invitations(status, received_at);

      CREATE TABLE offers (
        id TEXT PRIMARY KEY NOT NULL,
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        price_type TEXT NOT NULL CHECK (price_type IN ('fixed', 'hourly')),
        amount REAL NOT NULL,
        deadline TEXT,
        note TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'declined')),
        created_at TEXT NOT NULL,
        decided_at TEXT
      );
      CREATE INDEX offers_interview ON offers(interview_id);

      CREATE TABLE notes (
        seq INTEGER PRIMARY KEY, -- stable rowid, keys the search index
        id TEXT NOT NULL UNIQUE,
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX notes_interview ON notes(interview_id);

      -- One full-text index over everything a user may look for, kept current by triggers.
      -- Its rowid is seq * 4 + kind (0 job, 1 client, 2 proposal, 3 note), so every
      -- update and delete finds its row by key.
      CREATE VIRTUAL TABLE search_index USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
      CREATE TRIGGER jobs_search_insert AFTER INSERT ON jobs BEGIN
        INSERT INTO search_index (rowid, title, body) VALUES (new.seq * 4 + 0, new.title, new.description);
      END;
      CREATE TRIGGER jobs_search_update AFTER UPDATE OF title, description ON jobs BEGIN
        UPDATE search_index SET title = new.title, body = new.description WHERE rowid = new.seq * 4 + 0;
      END;
      CREATE TRIGGER jobs_search_delete AFTER DELETE ON jobs BEGIN
        DELETE FROM search_index WHERE rowid = old.seq * 4 + 0;
      END;
      CREATE TRIGGER clients_search_insert AFTER INSERT ON clients BEGIN
        INSERT INTO search_index (rowid, title, body) VALUES (new.seq * 4 + 1, new.name || ' ' || new.company, new.notes);
      END;
      CREATE TRIGGER clients_search_update AFTER UPDATE OF name, company, notes ON clients BEGIN
        UPDATE search_index SET title = new.name || ' ' || new.company, body = new.notes WHERE rowid = new.seq * 4 + 1;
      END;
      CREATE TRIGGER clients_search_delete AFTER DELETE ON clients BEGIN
        DELETE FROM search_index WHERE rowid = old.seq * 4 + 1;
      END;
      CREATE TRIGGER proposals_search_insert AFTER INSERT ON proposals BEGIN
        INSERT INTO search_index (rowid, title, body) VALUES (new.seq * 4 + 2, '', new.cover_letter);
      END;
      CREATE TRIGGER proposals_search_update AFTER UPDATE OF cover_letter ON proposals BEGIN
        UPDATE search_index SET title = '', body = new.cover_letter WHERE rowid = new.seq * 4 + 2;
      END;
      CREATE TRIGGER proposals_search_delete AFTER DELETE ON proposals BEGIN
        DELETE FROM search_index WHERE rowid = old.seq * 4 + 2;
      END;
      CREATE TRIGGER notes_search_insert AFTER INSERT ON notes BEGIN
        INSERT INTO search_index (rowid, title, body) VALUES (new.seq * 4 + 3, '', new.body);
      END;
      CREATE TRIGGER notes_search_update AFTER UPDATE OF body ON notes BEGIN
        UPDATE search_index SET title = '', body = new.body WHERE rowid = new.seq * 4 + 3;
      END;
      CREATE TRIGGER notes_search_delete AFTER DELETE ON notes BEGIN
        DELETE FROM search_index WHERE rowid = old.seq * 4 + 3;
      END;
    `
  },
  {
    version: 3,
    name: 'connection tests',
    sql: `
      CREATE TABLE connection_tests (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('ready', 'usable', 'not_ready')),
        report TEXT NOT NULL CHECK (json_valid(report))
      );
      CREATE INDEX connection_tests_started ON connection_tests(started_at);
    `
  },
  {
    version: 4,
    name: 'scheduling',
    sql: `
      ALTER TABLE interviews ADD COLUMN starts_at TEXT;
      ALTER TABLE interviews ADD COLUMN agreed_time_zone TEXT;
      ALTER TABLE interviews ADD COLUMN duration_minutes INTEGER;
      CREATE INDEX interviews_starts ON interviews(starts_at);
      CREATE TABLE schedule_history (
        id INTEGER PRIMARY KEY,
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        action TEXT NOT NULL CHECK (action IN ('scheduled', 'rescheduled', 'cancelled')),
        starts_at TEXT,
        agreed_time_zone TEXT,
        duration_minutes INTEGER,
        changed_at TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX schedule_history_interview ON schedule_history(interview_id);
    `
  },
  {
    version: 5,
    name: 'reminders',
    sql: `
      -- Planned from the scheduled interviews and the lead times in Settings; a row per
      -- (interview, call start, lead), so a reschedule plans new rows and a fired one
      -- never fires twice. kind 'no_show' asks whether the client came, after the margin.
      CREATE TABLE reminders (
        id INTEGER PRIMARY KEY,
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('before_call', 'no_show')),
        lead_minutes INTEGER NOT NULL,
        call_starts_at TEXT NOT NULL,
        due_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'fired', 'missed')),
        delivered_at TEXT,
        seen_at TEXT,
        UNIQUE (interview_id, kind, lead_minutes, call_starts_at)
      );
      CREATE INDEX reminders_pending ON reminders(state, due_at);
    `
  },
  {
    version: 6,
    name: 'prep room',
    sql: `
      -- A row once an interview's prep room was opened; its checklist was filled then.
      -- note_id is the pipeline note that holds the prep notes, so they are searchable.
      CREATE TABLE prep_rooms (
        interview_id TEXT PRIMARY KEY NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        note_id TEXT REFERENCES notes(id) ON DELETE SET NULL,
        opened_at TEXT NOT NULL
      );
      CREATE TABLE checklist_items (
        id TEXT PRIMARY KEY NOT NULL,
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('ask_client', 'reread_post', 'research', 'take_notes', 'samples', 'connection', 'fears', 'custom')),
        label TEXT NOT NULL,
        why TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL,
        done_at TEXT,
        removed_at TEXT, -- kept until the room is next opened, so a removal can be undone
        created_at TEXT NOT NULL
      );
      CREATE INDEX checklist_items_interview ON checklist_items(interview_id, position);

      -- Company research belongs to the client, so every interview with them shares it.
      CREATE TABLE client_research (
        client_id TEXT PRIMARY KEY NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        mission TEXT NOT NULL DEFAULT '',
        what_they_do TEXT NOT NULL DEFAULT '',
        about_notes TEXT NOT NULL DEFAULT '',
        people TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
      );

      -- File samples are copied to samples/<stored_name> in the data folder.
      CREATE TABLE samples (
        id TEXT PRIMARY KEY NOT NULL,
        title TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('file', 'link')),
        url TEXT NOT NULL DEFAULT '',
        file_name TEXT NOT NULL DEFAULT '',
        stored_name TEXT NOT NULL DEFAULT '',
        media_type TEXT NOT NULL DEFAULT '',
        size_bytes INTEGER NOT NULL DEFAULT 0,
        tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
        proves TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE interview_samples (
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        sample_id TEXT NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
        attached_at TEXT NOT NULL,
        PRIMARY KEY (interview_id, sample_id)
      );
      CREATE INDEX interview_samples_sample ON interview_samples(sample_id);

      CREATE TABLE questions (
        id TEXT PRIMARY KEY NOT NULL,
        question TEXT NOT NULL,
        answer TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE interview_questions (
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        question_id TEXT NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
        picked_at TEXT NOT NULL,
        struggled_at TEXT, -- marked "couldn't answer well"
        PRIMARY KEY (interview_id, question_id)
      );
      CREATE INDEX interview_questions_question ON interview_questions(question_id);
      CREATE TABLE follow_ups (
        id TEXT PRIMARY KEY NOT NULL,
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        question_id TEXT REFERENCES questions(id) ON DELETE SET NULL,
        text TEXT NOT NULL,
        done_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX follow_ups_interview ON follow_ups(interview_id);
    `
  },
  {
    version: 7,
    name: 'call room',
    sql: `
      -- The call room each interview calls in, kept while it lives so the invite link
      -- stays the same (the app's own server takes its rooms back after a restart).
      CREATE TABLE call_rooms (
        interview_id TEXT PRIMARY KEY NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        room TEXT NOT NULL,
        host_token TEXT NOT NULL,
        guest_token TEXT NOT NULL,
        server TEXT NOT NULL CHECK (server IN ('embedded', 'remote')),
        base_url TEXT NOT NULL,
        invite_url TEXT NOT NULL,
        signal_url TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      -- Calls that took place: what was measured, and the user's rating.
      CREATE TABLE calls (
        id TEXT PRIMARY KEY NOT NULL,
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        started_at TEXT NOT NULL,
        ended_at TEXT NOT NULL,
        measurements TEXT NOT NULL CHECK (json_valid(measurements)),
        rating INTEGER CHECK (rating BETWEEN 1 AND 5),
        issues TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(issues)),
        rated_at TEXT
      );
      CREATE INDEX calls_interview ON calls(interview_id, started_at);
    `
  },
  {
    version: 8,
    name: 'meeting channels',
    rebuildsTables: true,
    sql: `
      -- Google Meet, Microsoft Teams and Skype join Zoom as channels of their own, so Join
      -- and pasted invitations can say which app a call is in. SQLite cannot widen a CHECK
      -- in place: the table is rebuilt as its documented procedure says.
      CREATE TABLE interviews_rebuilt (
        id TEXT PRIMARY KEY NOT NULL,
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        job_id TEXT REFERENCES jobs(id) ON DELETE SET NULL,
        proposal_id TEXT REFERENCES proposals(id) ON DELETE SET NULL,
        title TEXT NOT NULL,
        scenario TEXT NOT NULL CHECK (scenario IN ('more_info', 'convinced', 'negotiation', 'direct_hire')),
        type TEXT NOT NULL CHECK (type IN ('call', 'paid_sample', 'unpaid_sample')),
        sample_instructions TEXT NOT NULL DEFAULT '',
        sample_fee REAL,
        sample_due_at TEXT,
        channel TEXT NOT NULL CHECK (channel IN ('builtin', 'marketplace', 'zoom', 'meet', 'teams', 'skype', 'other')),
        channel_link TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('invited', 'accepted', 'scheduled', 'done', 'offer', 'no_offer', 'hired', 'declined', 'no_show')),
        outcome_notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        starts_at TEXT,
        agreed_time_zone TEXT,
        duration_minutes INTEGER
      );
      INSERT INTO interviews_rebuilt (id, client_id, job_id, proposal_id, title, scenario, type, sample_instructions,
        sample_fee, sample_due_at, channel, channel_link, status, outcome_notes, created_at, updated_at, starts_at,
        agreed_time_zone, duration_minutes)
      SELECT id, client_id, job_id, proposal_id, title, scenario, type, sample_instructions,
        sample_fee, sample_due_at, channel, channel_link, status, outcome_notes, created_at, updated_at, starts_at,
        agreed_time_zone, duration_minutes
      FROM interviews;
      DROP TABLE interviews;
      ALTER TABLE interviews_rebuilt RENAME TO interviews;
      CREATE INDEX interviews_status ON interviews(status, updated_at);
      CREATE INDEX interviews_client ON interviews(client_id);
      CREATE INDEX interviews_created ON interviews(created_at);
      CREATE INDEX interviews_starts ON interviews(starts_at);
    `
  },
  {
    version: 9,
    name: 'retired call rooms',
    sql: `
      -- Rooms of the app's own server that a new invite link replaced, kept until they would
      -- have expired: after a restart the server takes them back as retired, so an old link
      -- still says it was replaced (and whom to ask) instead of "not valid".
      CREATE TABLE retired_call_rooms (
        room TEXT PRIMARY KEY NOT NULL,
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        host_token TEXT NOT NULL,
        guest_token TEXT NOT NULL,
        base_url TEXT NOT NULL,
        host_name TEXT NOT NULL DEFAULT '',
        expires_at TEXT NOT NULL
      );
    `
  },
  {
    version: 10,
    name: 'calls held elsewhere',
    sql: `
      -- Calls held in Zoom, Meet, Teams, Skype or on the marketplace go on the same record as
      -- Greenroom's own: the channel says where. Calls recorded before were all Greenroom's.
      ALTER TABLE calls ADD COLUMN channel TEXT NOT NULL DEFAULT 'builtin'
        CHECK (channel IN ('builtin', 'marketplace', 'zoom', 'meet', 'teams', 'skype', 'other'));
    `
  },
  {
    version: 11,
    name: 'client working hours',
    sql: `
      -- The client's working day in their own zone, as JSON {days, start, end};
      -- NULL means the default, 09:00–18:00 on weekdays.
      ALTER TABLE clients ADD COLUMN working_hours TEXT CHECK (working_hours IS NULL OR json_valid(working_hours));
    `
  },
  {
    version: 12,
    name: 'search research and questions',
    sql: `
      -- Company research and the question bank, searched beside search_index. Their
      -- tables have no stable integer key, so each row names its record in ref.
      CREATE VIRTUAL TABLE prep_search_index USING fts5(kind UNINDEXED, ref UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');
      CREATE TRIGGER client_research_search_insert AFTER INSERT ON client_research BEGIN
        INSERT INTO prep_search_index (kind, ref, title, body) VALUES ('research', new.client_id, '', new.mission || char(10) || new.what_they_do || char(10) || new.about_notes || char(10) || new.people || char(10) || new.notes);
      END;
      CREATE TRIGGER client_research_search_update AFTER UPDATE ON client_research BEGIN
        DELETE FROM prep_search_index WHERE kind = 'research' AND ref = old.client_id;
        INSERT INTO prep_search_index (kind, ref, title, body) VALUES ('research', new.client_id, '', new.mission || char(10) || new.what_they_do || char(10) || new.about_notes || char(10) || new.people || char(10) || new.notes);
      END;
      CREATE TRIGGER client_research_search_delete AFTER DELETE ON client_research BEGIN
        DELETE FROM prep_search_index WHERE kind = 'research' AND ref = old.client_id;
      END;
      CREATE TRIGGER questions_search_insert AFTER INSERT ON questions BEGIN
        INSERT INTO prep_search_index (kind, ref, title, body) VALUES ('question', new.id, new.question, new.answer);
      END;
      CREATE TRIGGER questions_search_update AFTER UPDATE OF question, answer ON questions BEGIN
        DELETE FROM prep_search_index WHERE kind = 'question' AND ref = old.id;
        INSERT INTO prep_search_index (kind, ref, title, body) VALUES ('question', new.id, new.question, new.answer);
      END;
      CREATE TRIGGER questions_search_delete AFTER DELETE ON questions BEGIN
        DELETE FROM prep_search_index WHERE kind = 'question' AND ref = old.id;
      END;
      INSERT INTO prep_search_index (kind, ref, title, body)
        SELECT 'research', client_id, '', mission || char(10) || what_they_do || char(10) || about_notes || char(10) || people || char(10) || notes FROM client_research;
      INSERT INTO prep_search_index (kind, ref, title, body) SELECT 'question', id, question, answer FROM questions;
    `
  },
  {
    version: 13,
    name: 'search word beginnings from an index',
    sql: `
      -- Every word is matched by its beginning. Without a prefix index FTS5 merges the lists of
      -- all words starting so before it can return one row: 50 ms for a short, common beginning
      -- at 100k notes. With the first one, two and three letters indexed, a page of hits is read
      -- straight off the index. The triggers keep writing here by name, so only the tables change.
      DROP TABLE search_index;
      CREATE VIRTUAL TABLE search_index USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
      INSERT INTO search_index (rowid, title, body) SELECT seq * 4 + 0, title, description FROM jobs;
      INSERT INTO search_index (rowid, title, body) SELECT seq * 4 + 1, name || ' ' || company, notes FROM clients;
      INSERT INTO search_index (rowid, title, body) SELECT seq * 4 + 2, '', cover_letter FROM proposals;
      INSERT INTO search_index (rowid, title, body) SELECT seq * 4 + 3, '', body FROM notes;
      DROP TABLE prep_search_index;
      CREATE VIRTUAL TABLE prep_search_index USING fts5(
        kind UNINDEXED, ref UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
      );
      INSERT INTO prep_search_index (kind, ref, title, body)
        SELECT 'research', client_id, '', mission || char(10) || what_they_do || char(10) || about_notes || char(10) || people || char(10) || notes
        FROM client_research;
      INSERT INTO prep_search_index (kind, ref, title, body) SELECT 'question', id, question, answer FROM questions;
      -- Where a hit leads: the interview of a job or a proposal, the invitation of a job.
      CREATE INDEX interviews_job ON interviews(job_id);
      CREATE INDEX interviews_proposal ON interviews(proposal_id);
      CREATE INDEX invitations_job ON invitations(job_id);
    `
  }
]
