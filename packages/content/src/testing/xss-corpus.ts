// The XSS corpus: what a contributor might type to run script in a reader's browser, feed reader or mail client.

/** Text typed into any field (title, chapô, author, tag, body, alt text): it must come out as text. */
export const SCRIPT_TEXTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</p><script>alert(1)</script><p>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
  '<scr<script>ipt>alert(1)</script>',
  '<!--<img src=x onerror=alert(1)>-->',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<a href="javascript:alert(1)">clic</a>',
  '\u2028<style>*{background:url(javascript:alert(1))}</style>',
];

/** Text aimed at XML outputs (feeds, sitemaps): CDATA and entity tricks. */
export const XML_TEXTS = [
  ']]><script>alert(1)</script><![CDATA[',
  ']]>]]><html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(1)</html:script>',
  '&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;',
  '&amp;lt;iframe src=javascript:alert(1)&amp;gt;',
  '<?xml-stylesheet href="javascript:alert(1)"?>',
  '<!DOCTYPE x [<!ENTITY e "<script>alert(1)</script>">]>&e;',
];

/** Link and image addresses the schema must refuse. */
export const BAD_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  ' javascript:alert(1)',
  '\tjavascript:alert(1)',
  '\njavascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\u0000script:alert(1)',
  '\u200bjavascript:alert(1)',
  'javascript://example.org/%0aalert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  '//evil.example/x',
  'https:javascript:alert(1)',
  'https://ok.example/"onmouseover="alert(1)',
  "https://ok.example/'onmouseover='alert(1)",
  'https://ok.example/<script>',
  '/media/x" onerror="alert(1)',
  '/media/../../admin',
];
