/**
 * Script-injection payloads. Each one, if it ever ran, would set
 * window.__pwned, log 'INJECTED' or open a dialog; the browser test looks
 * for all three, and for any trace of them in the DOM.
 */
export const plainTextPayloads: readonly string[] = [
  '<script>window.__pwned=1;console.log("INJECTED")</script>',
  '<img src=x onerror="window.__pwned=1;alert(1)">',
  '"><svg onload=window.__pwned=1>',
  '\'><iframe src="javascript:parent.__pwned=1"></iframe>',
  '</script><script>window.__pwned=1</script>',
  '<a href="javascript:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '&lt;script&gt;alert(1)&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62;',
  '<details open ontoggle=alert(1)>x</details>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<base href="https://attacker.invalid/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '{{constructor.constructor "alert(1)"}} {{{this}}} ${alert(1)}',
  '<!--<script>alert(1)//--> \u2028 \u2029 ]]> <![CDATA[ <style>*{display:none}</style>',
  '<form action="https://attacker.invalid/"><button formaction="javascript:alert(1)">x</button></form>',
];

/** Markdown that validation refuses (schema/unsafe-markdown); the renderer's sanitiser must neutralise it on its own. */
export const markdownPayloads: readonly string[] = [
  '[click](javascript:alert(1)) and [again](JaVaScRiPt:window.__pwned=1)',
  '<script>window.__pwned=1;console.log("INJECTED")</script>',
  '<img src=x onerror=alert(1)> inline <b onmouseover=alert(1)>bold</b>',
  '![image](javascript:alert(1)) ![data](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '[entity](&#106;avascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<svg onload=alert(1)><details open ontoggle=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>\n\n<object data="javascript:alert(1)"></object>',
  '| a | b |\n| - | - |\n| <script>alert(1)</script> | [x](javascript:alert(1)) |',
  '<a href="javascript:alert(1)">raw link</a> [ref][1]\n\n[1]: javascript:alert(1)',
  '<style>body{display:none}</style><base href="https://attacker.invalid/">',
];
