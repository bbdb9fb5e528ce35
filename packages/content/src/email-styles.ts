// Inline styles for email HTML: clients drop <style> blocks and classes, so every element carries its own.
const FONT = 'font-family:Helvetica,Arial,sans-serif;';
const BODY = `${FONT}font-size:16px;line-height:1.6;color:#1a1a1a;`;

export const LINK_COLOUR = '#1c4fa0';

export const EMAIL_STYLES = {
  p: `${BODY}margin:0 0 16px;`,
  pInList: `${BODY}margin:0;`,
  pInQuote: `${FONT}font-size:16px;line-height:1.6;color:#3a3a3a;margin:0 0 8px;`,
  h2: `${FONT}font-size:24px;line-height:1.3;font-weight:bold;color:#1a1a1a;margin:32px 0 12px;`,
  h3: `${FONT}font-size:20px;line-height:1.3;font-weight:bold;color:#1a1a1a;margin:28px 0 10px;`,
  h4: `${FONT}font-size:17px;line-height:1.3;font-weight:bold;color:#1a1a1a;margin:24px 0 8px;`,
  list: 'margin:0 0 16px;padding:0 0 0 24px;',
  nestedList: 'margin:4px 0 0;padding:0 0 0 24px;',
  li: `${BODY}margin:0 0 6px;`,
  blockquote: 'margin:0 0 16px;padding:4px 0 4px 16px;border-left:4px solid #c9d3e3;font-style:italic;',
  hr: 'border:0;border-top:1px solid #d5d9e0;height:0;margin:32px 0;',
  a: `color:${LINK_COLOUR};text-decoration:underline;`,
  figure: 'margin:0 0 20px;',
  img: 'max-width:100%;height:auto;display:block;border:0;outline:none;text-decoration:none;',
  caption: `${FONT}font-size:14px;line-height:1.4;color:#555555;margin:8px 0 0;`,
} as const;
