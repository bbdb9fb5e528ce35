import type { FastifyInstance } from 'fastify';

// The reader site arrives with the editorial issue; until then a plain French welcome.
const HOME = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>démocratieS</title>
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1f}a{color:#1c4fa0}</style></head>
<body><main>
<h1>démocratieS</h1>
<p>Le média de l'Institut de la concertation et de la participation citoyenne. Le site des lecteur·rices arrive bientôt.</p>
<p><a href="/studio/">Accéder au studio de l'équipe</a></p>
</main></body></html>`;

export function homeRoutes(app: FastifyInstance): void {
  app.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').send(HOME));
}
