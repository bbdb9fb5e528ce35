// The legal pages' rules, joined to the site's one stylesheet (styles.ts)
// a reading column (about 70 characters a line), facts as label/value rows that stack on phones
export const LEGAL_CSS = `
.legal{max-width:44rem;margin:0 auto;padding:0 0 2.5rem}
.legal-head{border-bottom:1px solid var(--line);margin:0 0 1.5rem;padding:0 0 1rem}
.legal-head h1{font-size:2rem;line-height:1.2;margin:.5rem 0 .35rem}
.legal-updated{color:var(--muted);font-size:.9rem;margin:0}
.legal .lede{font-size:1.15rem;margin:0 0 1.5rem}
.legal-section{margin:0 0 2rem}
.legal-section h2{font-size:1.3rem;line-height:1.3;margin:0 0 .75rem}
.legal-section p,.legal-section li{line-height:1.65}
.legal-section ul{padding-left:1.25rem;margin:.5rem 0 0}
.legal-section li+li{margin-top:.5rem}
.legal-facts{margin:0;border-top:1px solid var(--line)}
.legal-facts>div{display:grid;grid-template-columns:minmax(9rem,15rem) 1fr;gap:.25rem 1.5rem;padding:.6rem 0;border-bottom:1px solid var(--line)}
.legal-facts dt{color:var(--muted);font-weight:600;font-size:.95rem}
.legal-facts dd{margin:0;overflow-wrap:anywhere}
.legal-prose{margin:0 0 2rem}
@media (max-width:36rem){.legal-facts>div{grid-template-columns:1fr}.legal-head h1{font-size:1.6rem}}
`;
