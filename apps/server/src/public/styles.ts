import { LEGAL_CSS } from './legal-styles';
import { SEARCH_CSS } from './search-styles';

// One small stylesheet, inlined: public pages make one request and need no build.
const BASE_CSS = `
:root{--ink:#1b1b1f;--muted:#55586a;--accent:#1c4fa0;--accent-ink:#fff;--line:#d9dbe3;--bg:#f6f7fb;--error:#a4161a}
*{box-sizing:border-box}
body{margin:0;font:17px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
header.site,footer.site,main{max-width:42rem;margin:0 auto;padding:1rem 1.25rem}
header.site{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem;padding-top:1.5rem}
.brand{font-size:1.6rem;font-weight:800;color:var(--ink);text-decoration:none;letter-spacing:-.02em}
.brand span{color:var(--accent)}
.tagline{color:var(--muted);font-size:.9rem}
footer.site{color:var(--muted);font-size:.85rem}
.card{background:#fff;border:1px solid var(--line);border-radius:12px;padding:1.5rem 1.5rem 1.75rem}
h1{font-size:1.7rem;line-height:1.2;margin:0 0 .75rem}
a{color:var(--accent)}
label{font-weight:600;display:block;margin:1rem 0 .3rem}
input[type=email],input[type=text]{width:100%;font:inherit;padding:.6rem .75rem;border:1px solid #8a8fa3;border-radius:8px;background:#fff}
fieldset{border:1px solid var(--line);border-radius:10px;margin:1.25rem 0 0;padding:.5rem 1rem 1rem}
legend{font-weight:700;padding:0 .25rem}
.choice{display:flex;gap:.75rem;align-items:flex-start;margin-top:.75rem}
.choice input{width:1.2rem;height:1.2rem;margin-top:.25rem;flex:none}
.choice label{margin:0;font-weight:600}
.choice .desc{display:block;font-weight:400;color:var(--muted);font-size:.93rem}
button,.button{display:inline-block;font:inherit;font-weight:700;border:0;border-radius:8px;padding:.7rem 1.2rem;margin-top:1.25rem;background:var(--accent);color:var(--accent-ink);cursor:pointer;text-decoration:none}
button.secondary{background:#fff;color:var(--accent);border:2px solid var(--accent)}
button.danger{background:var(--error)}
:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.notice{font-size:.9rem;color:var(--muted);margin-top:1.25rem}
.error{color:var(--error);font-weight:600}
.errors{border-left:4px solid var(--error);padding:.25rem .75rem;background:#fff5f5}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.stack>*+*{margin-top:1rem}
nav.rubriques{flex-basis:100%;display:flex;flex-wrap:wrap;gap:.25rem 1.1rem;font-size:.95rem}
nav.rubriques a{color:var(--ink)}
nav.rubriques a.cta{color:var(--accent);font-weight:700}
article.piece h1{font-size:2.1rem;margin-top:.25rem}
.kicker{text-transform:uppercase;letter-spacing:.06em;font-size:.8rem;font-weight:700;color:var(--accent);text-decoration:none}
.lede{font-size:1.15rem;color:#33364a}
.byline{color:var(--muted);font-size:.92rem}
.prose{font-size:1.08rem;line-height:1.7}
.prose h2{font-size:1.45rem;margin:2rem 0 .5rem}.prose h3{font-size:1.2rem}.prose h4{font-size:1.05rem}
.prose blockquote{margin:1.5rem 0;padding:.25rem 1rem;border-left:4px solid var(--accent);color:#33364a;font-style:italic}
.prose figure{margin:1.5rem 0}.prose img{max-width:100%;height:auto;border-radius:6px}
.prose figcaption{color:var(--muted);font-size:.9rem;margin-top:.35rem}
.teasers{list-style:none;padding:0;margin:0}.teasers li{padding:1rem 0;border-top:1px solid var(--line)}
.teasers h3{margin:.15rem 0 .25rem;font-size:1.2rem}.teasers h3 a{color:var(--ink);text-decoration:none}.teasers p{margin:0;color:#33364a}
.subscribe-box{background:#eaf0fb;border-radius:12px;padding:1.25rem 1.5rem;margin:2rem 0}
.preview-banner{background:#fff3cd;border:1px solid #f2a900;border-radius:8px;padding:.5rem .75rem;font-weight:600}
.cover{margin:1.25rem 0 1.5rem}.cover img{display:block;width:100%;height:auto;border-radius:10px;background:var(--line)}
.cover figcaption{color:var(--muted);font-size:.9rem;margin-top:.4rem}
.teasers li.with-cover{display:flow-root}
.thumb{float:right;width:8.5rem;margin:.2rem 0 .5rem 1rem}
.thumb img{display:block;width:100%;height:auto;aspect-ratio:4/3;object-fit:cover;border-radius:8px;background:var(--line)}
@media (max-width:30rem){.thumb{width:6rem;margin-left:.75rem}}
.tags{margin:2rem 0 0}.tags h2{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0 0 .5rem}
.tags ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.tags a{display:inline-block;padding:.25rem .75rem;border:1px solid var(--line);border-radius:999px;background:#fff;text-decoration:none;font-size:.92rem}
.tags a:hover{border-color:var(--accent)}
`;

export const PUBLIC_CSS = BASE_CSS + SEARCH_CSS + LEGAL_CSS;
