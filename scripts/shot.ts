// Screenshots of the real UI (browser build + real services + demo mock provider), light and dark.
// Usage: npx tsx scripts/shot.ts [--screens chat,providers,tools,usage] [--out /tmp/shots] [--no-demo]
//        [--send "a message to send first"] [--width 1440 --height 900]
// The launch, the sending and the shooting are scripts/shotKit.ts, shared by every shot script.
import { args, eachScheme, goTo, option, outDir, sendAndWait, shoot } from './shotKit';

if (args.includes('--help')) {
  console.log(
    'npx tsx scripts/shot.ts [--screens chat,providers,tools,usage] [--out DIR] [--no-demo] [--send TEXT] [--width N --height N]',
  );
  process.exit(0);
}
const LABELS: Record<string, string> = {
  chat: 'Chats',
  providers: 'Providers',
  tools: 'Tools',
  usage: 'Usage',
};
const screens = option('screens', 'chat,providers,tools,usage').split(',');
const out = outDir();
const send = option('send', '');
const viewport = { width: Number(option('width', '1440')), height: Number(option('height', '900')) };

await eachScheme({ demo: !args.includes('--no-demo'), viewport }, async (app, scheme) => {
  if (send) {
    await app.page.getByTestId('thread-item').first().click();
    await sendAndWait(app.page, send, 1, 15_000);
  }
  for (const screen of screens) {
    await goTo(app.page, LABELS[screen] ?? screen);
    await shoot(app.page, `${screen}-${scheme}.png`, out);
  }
});
