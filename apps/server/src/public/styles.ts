import { FONT_CSS } from './fonts';
import { LEGAL_CSS } from './legal-styles';
import { SEARCH_CSS } from './search-styles';

// One small stylesheet, inlined: public pages make one request and need no build.
const BASE_CSS = `
${FONT_CSS}
:root{--ink:#16161d;--muted:#595c6c;--accent:#1c4fa0;--accent-dark:#143a78;--accent-ink:#fff;--line:#dcdee5;
--tint:#f1f4fa;--bg:#fff;--error:#a4161a;
--serif:"Source Serif 4",Georgia,Cambria,"Times New Roman",serif;
--sans:"Source Sans 3",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.6 var(--serif);color:var(--ink);background:var(--bg);font-kerning:normal;
font-variant-ligatures:common-ligatures;text-rendering:optimizeLegibility;
/* the footer ends the window on short pages */display:flex;flex-direction:column;min-height:100vh}
img{max-width:100%;height:auto}
picture{display:block}
a{color:var(--accent)}
a:hover{color:var(--accent-dark)}
:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
h1,h2,h3,h4{font-family:var(--serif);line-height:1.15;letter-spacing:-.01em;margin:0 0 .6rem;text-wrap:balance}
h1{font-size:2rem;font-weight:700}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip-link{position:absolute;left:1rem;top:-4rem;z-index:10;background:var(--ink);color:#fff;padding:.6rem 1rem;
font:700 1rem var(--sans);border-radius:0 0 6px 6px;text-decoration:none}
.skip-link:focus{top:0;color:#fff}
.wrap{max-width:75rem;margin:0 auto;padding-left:1.25rem;padding-right:1.25rem}
main{display:block;flex:1 0 auto;width:100%;padding-top:2.25rem;padding-bottom:3.5rem}
main:focus{outline:none}
main.narrow{max-width:46rem}

header.site{border-bottom:1px solid var(--ink)}
.masthead{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:1rem 2rem;
padding-top:1.4rem;padding-bottom:1.1rem}
.brand-line{margin:0;display:flex;flex-wrap:wrap;align-items:baseline;gap:.2rem 1rem}
.brand{font:800 2.5rem/1 var(--serif);color:var(--ink);text-decoration:none;letter-spacing:-.03em}
.brand span{color:var(--accent)}
.tagline{font:400 .95rem/1.3 var(--sans);color:var(--muted)}
.site-search{display:flex;gap:0;align-items:stretch}
.site-search input{font:1rem var(--sans);width:15rem;padding:.5rem .75rem;border:1px solid #80849a;border-right:0;
border-radius:6px 0 0 6px;background:#fff;color:var(--ink)}
.site-search button{margin:0;border-radius:0 6px 6px 0;padding:.5rem .9rem;font-size:.95rem}
.site-nav{border-top:1px solid var(--line)}
.site-nav ul{list-style:none;display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1.75rem;margin:0 auto;
padding-top:.55rem;padding-bottom:.55rem}
.site-nav a{font:600 .98rem var(--sans);color:var(--ink);text-decoration:none;letter-spacing:.01em}
.site-nav a:hover{color:var(--accent);text-decoration:underline}
.site-nav .nav-cta{margin-left:auto}
.site-nav .nav-cta a{background:var(--accent);color:#fff;padding:.4rem 1rem;border-radius:999px;font-weight:700}
.site-nav .nav-cta a:hover{background:var(--accent-dark);color:#fff;text-decoration:none}

footer.site{background:#16161d;color:#dfe1ea;font:400 .95rem/1.55 var(--sans);padding:2.75rem 0 3rem;margin-top:2rem}
footer.site a{color:#fff}
.footer-grid{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:2rem 4rem}
.footer-brand{font-size:1.9rem;color:#fff;margin:0 0 .75rem}
.footer-brand span{color:#8fb2f0}
/* the association's logo, drawn for light backgrounds: on its own white plate in the dark footer */
.footer-logo{display:inline-block;background:#fff;border-radius:6px;padding:.5rem .75rem;margin:0 0 .75rem;line-height:0}
.footer-logo img{display:block;height:48px;width:auto;max-width:220px;object-fit:contain}
.privacy-note{color:#b9bccb}
.footer-links{list-style:none;margin:0;padding:0;columns:2;column-gap:2rem}
.footer-links li{margin:0 0 .45rem}

.kicker{display:inline-block;font:700 .78rem/1.3 var(--sans);text-transform:uppercase;letter-spacing:.08em;
color:var(--accent);text-decoration:none;margin:0 0 .35rem}
a.kicker:hover{text-decoration:underline}
.kickers{margin:0 0 .5rem;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
.kickers .kicker{margin:0}
.dossier-kicker{color:var(--ink)}
.lede{font-size:1.22rem;line-height:1.5;color:#30333f;margin:0 0 1rem}
.byline{font:400 .92rem/1.45 var(--sans);color:var(--muted);margin:.4rem 0 0}
.empty{color:var(--muted)}
.count{font:600 .95rem var(--sans);color:var(--muted);margin:0}
.section{margin-top:3.25rem}
.section-title{font:700 1.45rem/1.2 var(--serif);border-top:3px solid var(--ink);padding-top:.6rem;margin:0 0 1.5rem}
.section-title a{color:var(--ink);text-decoration:none}
.section-title a:hover{color:var(--accent);text-decoration:underline}
.more{font:700 .95rem var(--sans)}

.cards{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:2.25rem 2rem}
.cards>li{display:flex}
.card-item{display:flex;flex-direction:column;width:100%}
.card-cover{display:block;margin-bottom:.85rem}
.card-cover img,.lead-cover img,.dossier-cover img{display:block;width:100%;height:auto;aspect-ratio:3/2;object-fit:cover;
background:var(--line)}
/* a card without a cover keeps the grid's rhythm: a rule where the picture would start */
.card-item:not(.with-cover){border-top:3px solid var(--ink);padding-top:.8rem}
.card-title{font-size:1.32rem;line-height:1.2;margin:0 0 .45rem}
.card-title a{color:var(--ink);text-decoration:none}
.card-title a:hover{color:var(--accent);text-decoration:underline}
.card-lede{margin:0;color:#3a3d4b;font-size:1rem;line-height:1.5;display:-webkit-box;-webkit-line-clamp:4;
-webkit-box-orient:vertical;overflow:hidden}

.lead{display:grid;grid-template-columns:minmax(0,1.45fr) minmax(0,1fr);gap:2rem 2.75rem;align-items:center;
padding-bottom:2.5rem;border-bottom:1px solid var(--line)}
.lead:not(.with-cover){grid-template-columns:minmax(0,1fr);background:var(--tint);padding:2rem 2.25rem}
.lead-cover{display:block}
.lead h1{font-size:clamp(2rem,3.6vw,3.1rem);line-height:1.08;margin:.1rem 0 .8rem}
.lead h1 a{color:var(--ink);text-decoration:none}
.lead h1 a:hover{color:var(--accent);text-decoration:underline}
.lead-pieces{list-style:none;margin:1.25rem 0 0;padding:0}
.lead-pieces li{border-top:1px solid var(--line);padding:.6rem 0}
.lead-pieces .kicker{display:block;margin:0 0 .1rem;font-size:.72rem}
.lead-pieces a{color:var(--ink);font-weight:600;font-size:1.08rem;text-decoration:none;line-height:1.3}
.lead-pieces a:hover{color:var(--accent);text-decoration:underline}
.lead .button{margin-top:1rem}
.lead-article{display:block}
.lead-article .card-item.with-cover{display:grid;grid-template-columns:minmax(0,1.45fr) minmax(0,1fr);gap:0 2.75rem;
align-items:center}
.lead-article .card-cover{grid-row:1/span 4;margin:0}
.lead-article .card-title{font-size:clamp(1.8rem,3.2vw,2.7rem);line-height:1.1}
.lead-article .card-lede{font-size:1.15rem;-webkit-line-clamp:6}

.piece{max-width:62rem;margin:0 auto}
.piece-head{max-width:48rem}
.piece h1{font-size:clamp(2.1rem,4.4vw,3.2rem);line-height:1.08;margin:.25rem 0 .9rem;letter-spacing:-.02em}
.piece .lede{font-size:1.3rem}
.reading-time{white-space:nowrap}
.cover{margin:1.75rem 0 2.25rem}
.cover img{display:block;width:100%;height:auto;background:var(--line)}
.cover figcaption{font:400 .9rem/1.45 var(--sans);color:var(--muted);margin-top:.5rem}
.credit{color:#6a6d7c;font-size:.85rem}
.piece-body{display:grid;grid-template-columns:minmax(0,40rem) minmax(0,17rem);gap:2.5rem;justify-content:space-between}
.piece-aside{display:flex;flex-direction:column;gap:2rem}
.prose{font-size:1.16rem;line-height:1.7;hyphens:auto;-webkit-hyphens:auto}
.prose>:first-child{margin-top:0}
.prose p{margin:0 0 1.15em}
.prose h2{font-size:1.6rem;margin:2.25rem 0 .6rem}.prose h3{font-size:1.3rem;margin:1.75rem 0 .5rem}.prose h4{font-size:1.1rem}
.prose blockquote{margin:1.75rem 0;padding:.1rem 0 .1rem 1.25rem;border-left:4px solid var(--accent);color:#30333f;
font-style:italic;font-size:1.2rem}
.prose figure{margin:1.75rem 0}.prose img{max-width:100%;height:auto}
.prose figcaption{font:400 .9rem/1.45 var(--sans);color:var(--muted);margin-top:.4rem}
.prose ul,.prose ol{padding-left:1.4rem}
.dossier-box{border-top:4px solid var(--accent);background:var(--tint);padding:1.1rem 1.25rem 1.25rem}
.dossier-box h2{font-size:1.3rem;margin:.1rem 0 .75rem}
.dossier-box h2 a{color:var(--ink);text-decoration:none}
.dossier-box ul{list-style:none;margin:0 0 .9rem;padding:0}
.dossier-box li{border-top:1px solid var(--line);padding:.55rem 0;line-height:1.35}
.dossier-box li a{color:var(--ink);text-decoration:none;font-weight:600}
.dossier-box li a:hover,.dossier-box h2 a:hover{color:var(--accent);text-decoration:underline}
.related{max-width:75rem;margin:3.5rem auto 0}
.tags h2{font:700 .78rem var(--sans);text-transform:uppercase;letter-spacing:.08em;color:var(--muted);margin:0 0 .6rem}
.tags ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.tags a{display:inline-block;padding:.25rem .8rem;border:1px solid var(--line);border-radius:999px;background:#fff;
text-decoration:none;font:500 .92rem var(--sans);color:var(--ink)}
.tags a:hover{border-color:var(--accent);color:var(--accent)}

.page-head{border-bottom:1px solid var(--line);padding-bottom:1.5rem;margin-bottom:2.25rem;max-width:52rem}
.page-head h1{font-size:clamp(2.1rem,4vw,3rem);line-height:1.1;margin:.15rem 0 .6rem}
.page-head .lede{margin-bottom:.4rem}
.dossier-head{display:grid;grid-template-columns:minmax(0,1fr);gap:2rem 3rem;align-items:center;margin-bottom:2.25rem}
.dossier-head.with-cover{grid-template-columns:minmax(0,1fr) minmax(0,1.2fr)}
.dossier-head h1{font-size:clamp(2.2rem,4.4vw,3.4rem);line-height:1.05;margin:.15rem 0 .8rem;letter-spacing:-.02em}
.dossier-cover{margin:0}
.dossier-note{max-width:42rem}
.dossier-list{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:2.75rem 2.5rem}
.dossier-card .card-title{font-size:1.7rem}
.dossier-card .card-lede{-webkit-line-clamp:5;font-size:1.05rem}

.subscribe-box{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 2rem;
background:var(--tint);border-left:4px solid var(--accent);padding:1.4rem 1.75rem;margin:3.5rem 0 0}
.subscribe-box h2{font-size:1.45rem;margin:0 0 .25rem}
.subscribe-box p{margin:0;font:400 1rem var(--sans);color:#3a3d4b}
.subscribe-box .button{margin:0}
.preview-banner{background:#fff3cd;border:1px solid #f2a900;border-radius:8px;padding:.5rem .75rem;
font:600 1rem var(--sans)}

.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:1.5rem 1.5rem 1.75rem}
main.narrow h1{font-size:1.9rem}
label{font:600 1rem var(--sans);display:block;margin:1rem 0 .3rem}
input[type=email],input[type=text],input[type=search]{font:1rem var(--sans);padding:.6rem .75rem;border:1px solid #80849a;
border-radius:6px;background:#fff;color:var(--ink)}
input[type=email],input[type=text]{width:100%}
fieldset{border:1px solid var(--line);border-radius:10px;margin:1.25rem 0 0;padding:.5rem 1rem 1rem}
legend{font:700 1rem var(--sans);padding:0 .25rem}
.choice{display:flex;gap:.75rem;align-items:flex-start;margin-top:.75rem}
.choice input{width:1.2rem;height:1.2rem;margin-top:.25rem;flex:none}
.choice label{margin:0;font-weight:600}
.choice .desc{display:block;font-weight:400;color:var(--muted);font-size:.93rem}
button,.button{display:inline-block;font:700 1rem/1.3 var(--sans);border:0;border-radius:6px;padding:.7rem 1.2rem;
margin-top:1.25rem;background:var(--accent);color:var(--accent-ink);cursor:pointer;text-decoration:none}
button:hover,.button:hover{background:var(--accent-dark);color:#fff}
button.secondary{background:#fff;color:var(--accent);border:2px solid var(--accent)}
button.danger{background:var(--error)}
.notice{font:400 .92rem var(--sans);color:var(--muted);margin-top:1.25rem}
.error{color:var(--error);font-weight:600}
.errors{border-left:4px solid var(--error);padding:.25rem .75rem;background:#fff5f5}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.stack>*+*{margin-top:1rem}
.teasers{list-style:none;padding:0;margin:0}.teasers li{padding:1rem 0;border-top:1px solid var(--line)}
.teasers h3{margin:.15rem 0 .25rem;font-size:1.2rem}.teasers h3 a{color:var(--ink);text-decoration:none}
.teasers p{margin:0;color:#33364a}

@media (max-width:64rem){
.cards{grid-template-columns:repeat(2,minmax(0,1fr))}
.piece-body{grid-template-columns:minmax(0,1fr)}
.piece-body .prose{max-width:40rem}
.piece-aside{max-width:40rem}
}
@media (max-width:48rem){
.lead,.lead-article .card-item.with-cover,.dossier-head.with-cover{grid-template-columns:minmax(0,1fr)}
.lead-article .card-cover{grid-row:auto;margin-bottom:.85rem}
.dossier-list{grid-template-columns:minmax(0,1fr)}
.footer-grid{grid-template-columns:minmax(0,1fr)}
.site-search{flex-basis:100%}
.site-search input{flex:1;width:auto;min-width:0}
}
@media (max-width:40rem){
body{font-size:1rem}
.cards{grid-template-columns:minmax(0,1fr);gap:2rem}
.brand{font-size:2rem}
.masthead{padding-top:1rem;padding-bottom:.9rem;gap:.75rem}
.site-nav ul{gap:.4rem 1.1rem}
.site-nav a{font-size:.95rem}
main{padding-top:1.5rem}
.lead:not(.with-cover){padding:1.25rem}
.prose{font-size:1.08rem}
.piece .lede{font-size:1.15rem}
.subscribe-box{padding:1.25rem}
.footer-links{columns:1}
}
`;

export const PUBLIC_CSS = BASE_CSS + SEARCH_CSS + LEGAL_CSS;
