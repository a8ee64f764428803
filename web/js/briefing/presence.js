// Presence for briefings: this page says which briefing it has open and how (viewing, editing,
// presenting a slide); it shows who else has the same one open, and a follower's map follows the
// presenter. b is the briefings controller's shared state (controller.js).
import { describePeople, presenceSlot, watchPresence } from '../presence.js';

export function briefingPresence(b) {
  const slot = presenceSlot('briefing');
  let people = [];
  let unwatch = () => {};
  let starting = null;
  const place = (id) => `briefing:${id}`;
  const presenterOf = () => people.filter((p) => p.mode === 'presenting').at(-1) ?? null;

  const self = {
    /** The briefing id this page follows, or null. */
    following: null,
    sayWhere() {
      const cur = b.view.current;
      if (!cur) return slot.at(null);
      if (b.stage?.briefingId === cur.id && !self.following) return slot.at(place(cur.id), 'presenting', b.stage.index);
      return slot.at(place(cur.id), b.view.dirty ? 'editing' : 'viewing');
    },
    /** Hears who has briefing id open, from now on (instead of the one watched before). */
    watch(id) {
      unwatch();
      people = [];
      unwatch = watchPresence(place(id), (list) => {
        people = list;
        b.view.people = describePeople(list);
        if (b.stage?.active) b.stage.setAudience(self.audienceLine());
        else b.render();
        if (self.following === id) self.followPresenter();
      });
    },
    /** The line the stage shows under the slide: whom this page follows, or who else is here. */
    audienceLine() {
      if (self.following) {
        const p = presenterOf();
        return p ? `Following ${p.name}` : 'Waiting for the presenter';
      }
      return b.view.people ? `Also here: ${b.view.people}` : '';
    },
    /** Follows the presenter of briefing id: the stage opens on their slide and turns with them. */
    async follow(id) {
      await b.open(id);
      self.following = id;
      document.body.dataset.following = id;
      self.followPresenter();
    },
    stopFollowing() {
      self.following = null;
      document.body.dataset.following = '';
    },
    // Turning follows at once: a turn does not wait for the last slide's flight (go() drops a flight
    // overtaken by a newer turn). Only the stage's start is waited for; it then takes the newest slide.
    followPresenter() {
      const p = presenterOf();
      if (b.stage.active) b.stage.setAudience(self.audienceLine());
      if (!p || !b.view.current || self.following !== b.view.current.id) return;
      if (b.stage.active) {
        if (b.stage.index !== p.slide) b.stage.go(p.slide);
        return;
      }
      if (starting) return;
      starting = startStage(b, p.slide)
        .catch((e) => console.warn('Could not follow the presenter:', e))
        .finally(() => { starting = null; if (b.stage.active) self.followPresenter(); });
    },
    resend: () => slot.resend(),
  };
  return self;
}

/** Opens the presenter on the open briefing at slide from, remembering the map to return to. */
export async function startStage(b, from, follow = null) {
  b.remember();
  await b.slideEvents.fetch(b.view.current.slides);
  const started = b.stage.start(b.view.current, { dates: b.datesText, from, follow });
  b.stage.setAudience(b.presence.audienceLine());
  await started;
}
