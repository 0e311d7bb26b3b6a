import { alma, almaExamples } from './alma';
import { betterHelp, betterHelpExamples } from './betterhelp';
import { doxyMe, doxyMeExamples } from './doxy-me';
import { googleMeet, googleMeetExamples } from './google-meet';
import { growTherapy, growTherapyExamples } from './grow-therapy';
import { jitsiMeet, jitsiMeetExamples } from './jitsi-meet';
import { secureVideo, secureVideoExamples } from './securevideo';
import { simplePractice, simplePracticeExamples } from './simplepractice';
import { talkspace, talkspaceExamples } from './talkspace';
import { teams, teamsExamples } from './teams';
import { therapyNotes, therapyNotesExamples } from './therapynotes';
import type { SiteAdapter, SiteExamples } from './types';
import { vsee, vseeExamples } from './vsee';
import { webex, webexExamples } from './webex';
import { whereby, wherebyExamples } from './whereby';
import { zoom, zoomExamples } from './zoom';

// Tests and tooling only; nothing the extension ships imports this file.
const EXAMPLES = new Map<SiteAdapter, SiteExamples>([
  [doxyMe, doxyMeExamples],
  [simplePractice, simplePracticeExamples],
  [therapyNotes, therapyNotesExamples],
  [talkspace, talkspaceExamples],
  [growTherapy, growTherapyExamples],
  [alma, almaExamples],
  [betterHelp, betterHelpExamples],
  [zoom, zoomExamples],
  [googleMeet, googleMeetExamples],
  [teams, teamsExamples],
  [vsee, vseeExamples],
  [webex, webexExamples],
  [whereby, wherebyExamples],
  [jitsiMeet, jitsiMeetExamples],
  [secureVideo, secureVideoExamples],
]);

/** The real URLs and sources a supported platform's adapter was checked against. */
export function examplesOf(site: SiteAdapter): SiteExamples {
  const examples = EXAMPLES.get(site);
  if (!examples) throw new Error(`no examples for the ${site.id} adapter`);
  return examples;
}
