/**
 * The local Cloud API's page: be a member on a phone-like screen. Type a message, tap a reply
 * button or open a list and tap a row, and see what Lina sent as a phone would show it. One
 * self-contained page (inline script and style, nothing downloaded), polling `/sim/phones/…`.
 * Every text from Lina or the member is put on the page with `textContent`, never as HTML.
 */
export function simPage(): string {
  return `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cloud API local · Lina</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #efeae2; }
  header { background: #075e54; color: #fff; padding: 10px 14px; display: flex; gap: 8px; align-items: center; }
  header input { width: 140px; }
  #chat { padding: 12px; display: flex; flex-direction: column; gap: 6px; max-width: 520px; margin: 0 auto 80px; }
  .msg { max-width: 80%; padding: 6px 10px; border-radius: 8px; white-space: pre-wrap; box-shadow: 0 1px 1px rgba(0,0,0,.15); }
  .lina { background: #fff; align-self: flex-start; }
  .member { background: #d9fdd3; align-self: flex-end; }
  .options { display: flex; flex-direction: column; gap: 4px; margin-top: 6px; }
  .options button { background: #fff; border: 1px solid #ccc; border-radius: 6px; color: #027eb5; padding: 6px; cursor: pointer; text-align: left; }
  .options small { display: block; color: #555; }
  form { position: fixed; bottom: 0; left: 0; right: 0; display: flex; gap: 6px; padding: 8px; background: #f0f0f0; }
  form input { flex: 1; padding: 8px; }
  #error { color: #b00; }
</style>
</head>
<body>
<header><strong>Cloud API local</strong> teléfono <input id="phone" value="573001112233" inputmode="numeric" aria-label="Teléfono del miembro"> <span id="error" role="status"></span></header>
<main id="chat" aria-live="polite"></main>
<form id="form"><input id="text" autocomplete="off" placeholder="Escribe un mensaje" aria-label="Mensaje"><button>Enviar</button></form>
<script>
const chat = document.getElementById('chat');
const phoneInput = document.getElementById('phone');
const errorLine = document.getElementById('error');
let shown = '';
const phone = () => phoneInput.value.replace(/\\D/g, '');
async function call(path, body) {
  const response = await fetch(path, body ? { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {});
  const data = await response.json();
  errorLine.textContent = response.ok ? '' : (data.error && data.error.message) || 'Error';
  return data;
}
function bubble(kind, text) {
  const div = document.createElement('div');
  div.className = 'msg ' + kind;
  div.textContent = text;
  return div;
}
function optionButton(option) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = option.title;
  if (option.description) {
    const small = document.createElement('small');
    small.textContent = option.description;
    button.append(small);
  }
  button.onclick = () => call('/sim/phones/' + phone() + '/tap', { id: option.id }).then(refresh);
  return button;
}
function render(state) {
  const items = [...state.messages.map((m) => ({ ...m, from: 'lina' })), ...state.sent.map((m) => ({ ...m, from: 'member' }))].sort((a, b) => a.seq - b.seq);
  chat.replaceChildren(...items.map((item) => {
    const div = bubble(item.from, item.text);
    if (item.from === 'lina' && item.options.length > 0) {
      const options = document.createElement('div');
      options.className = 'options';
      if (item.type === 'list') {
        const open = document.createElement('button');
        open.type = 'button';
        open.textContent = '☰ ' + item.listButton;
        const rows = document.createElement('div');
        rows.className = 'options';
        rows.hidden = true;
        rows.append(...item.options.map(optionButton));
        open.onclick = () => { rows.hidden = !rows.hidden; };
        options.append(open, rows);
      } else {
        options.append(...item.options.map(optionButton));
      }
      div.append(options);
    }
    return div;
  }));
}
async function refresh() {
  if (!phone()) return;
  const state = await call('/sim/phones/' + phone());
  const key = JSON.stringify(state);
  if (key !== shown) { shown = key; render(state); window.scrollTo(0, document.body.scrollHeight); }
}
document.getElementById('form').onsubmit = async (event) => {
  event.preventDefault();
  const input = document.getElementById('text');
  if (!input.value.trim()) return;
  await call('/sim/phones/' + phone() + '/type', { text: input.value });
  input.value = '';
  refresh();
};
phoneInput.onchange = () => { shown = ''; refresh(); };
setInterval(refresh, 1000);
refresh();
</script>
</body>
</html>
`;
}
