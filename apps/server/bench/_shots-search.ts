// temporary: screenshots of /recherche (search helper)
import { launchChromium } from '../test/e2e/browser';
import { benchArticle, seedSearchArticles } from '@crieur/db/testing';
import { startBenchServer } from './bench-server';
const { app, close } = await startBenchServer({
  label: 'shots',
  seed: async ({ db }) => {
    await seedSearchArticles(db, {
      count: 40,
      now: new Date(),
      make: (n) => {
        const a = benchArticle(n, 120);
        if (n === 3) return { ...a, title: 'Démocratie alimentaire : qui décide de ce que nous mangeons ?', lede: 'Une enquête dans trois villes où paysans et mangeurs se réunissent en conseils locaux.' };
        return a;
      },
    });
  },
});
await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address() as { port: number };
const ctx = await launchChromium();
const page = await ctx.newPage();
for (const [name, url] of [['empty', '/recherche'], ['results', '/recherche?q=democratie+alimentaire'], ['none', '/recherche?q=zorglub'], ['page2', '/recherche?q=participation&page=2']]) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`http://127.0.0.1:${port}${url}`);
    await page.screenshot({ path: `/tmp/shots/search/${name}-${width}.png`, fullPage: true });
  }
}
await ctx.close();
await close();
