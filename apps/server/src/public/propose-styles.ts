// The « Proposer » pages' own rules, added to their head only (the site's stylesheet stays as it is).
export const PROPOSE_CSS = `
.propose .card>p{font-family:var(--sans)}
.propose h2{font-size:1.5rem}
.propose .steps{font-family:var(--sans);padding-left:1.3rem;margin:.5rem 0 0}
.propose .steps li+li{margin-top:.3rem}
.propose-kinds ul{list-style:none;display:flex;flex-wrap:wrap;gap:.6rem;padding:0;margin:1.25rem 0 0}
.propose-kinds a{display:inline-block;font:700 1rem var(--sans);padding:.6rem 1rem;border:2px solid var(--accent);
border-radius:6px;text-decoration:none}
.propose-kinds a[aria-current=page]{background:var(--accent);color:#fff}
.propose .field{margin-top:1rem}
.propose .field>label{margin:0 0 .3rem}
.propose .optional{font-weight:400;color:var(--muted)}
.propose .hint{font:400 .93rem/1.45 var(--sans);color:var(--muted);margin:0 0 .35rem}
.propose .field .error{font-family:var(--sans);margin:.1rem 0 .35rem}
.propose input[type=url],.propose input[type=datetime-local],.propose input[type=date],.propose select,
.propose textarea{font:1rem var(--sans);padding:.6rem .75rem;border:1px solid #80849a;border-radius:6px;
background:#fff;color:var(--ink);width:100%;max-width:100%}
.propose input[type=datetime-local],.propose input[type=date],.propose select{width:auto;min-width:14rem}
.propose textarea{line-height:1.5;resize:vertical}
.propose input[type=file]{font:1rem var(--sans);max-width:100%}
.propose [aria-invalid=true]{border:2px solid var(--error)}
.propose .errors h2{font:700 1.1rem var(--sans);margin:.5rem 0}
.propose .errors ul{font-family:var(--sans);margin:.25rem 0 .75rem;padding-left:1.2rem}
.propose .callout{border-left:4px solid var(--accent);background:var(--tint);padding:.6rem .9rem;font-family:var(--sans)}
.propose .proposals{list-style:none;padding:0;margin:0}
.propose .proposal{padding:1rem 0;border-top:1px solid var(--line)}
.propose .proposal:first-child{border-top:0;padding-top:0}
.propose .proposal h3{font-size:1.25rem;margin:0 0 .2rem;overflow-wrap:anywhere}
.propose .meta{font:400 .93rem var(--sans);color:var(--muted);margin:0 0 .3rem}
.propose .proposal p{font-family:var(--sans);margin:.2rem 0}
.propose .status{display:inline-block;font:700 .9rem var(--sans);padding:.1rem .5rem;border-radius:4px;
background:var(--tint);color:var(--ink)}
.propose .status-accepted{background:#e3f4e8;color:#14532d}
.propose .status-refused,.propose .status-withdrawn{background:#f4f4f6;color:#44465a}
.propose .status-changes_requested{background:#fff3cd;color:#5c4400}
.propose .staff-message{margin:.6rem 0;border-left:4px solid var(--line);padding:.1rem .9rem}
.propose .actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center}
.propose .actions form{margin:0}
.propose .actions .button,.propose .actions button{margin-top:.6rem}
.propose .choice label{overflow-wrap:anywhere}
`;
