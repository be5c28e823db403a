/*
 * Lina's web chat page: gets a Direct Line token (or reuses the one this tab saved), renders
 * the official Web Chat, and keeps the conversation across reloads. Plain browser JavaScript,
 * served as is; the settings and every text come from #lina-config (locales/es-CO/webchat.json).
 */
(function () {
  'use strict';

  var CONNECTION = { Online: 2, ExpiredToken: 3, FailedToConnect: 4, Ended: 5 };
  var REFRESH_EVERY_MS = 10 * 60 * 1000;
  /** A saved token this close to its expiry is not worth a reconnect attempt. */
  var EXPIRY_MARGIN_MS = 60 * 1000;

  var config = JSON.parse(document.getElementById('lina-config').textContent);
  var storageKey = 'lina.webchat:' + (config.site || '-');
  var directLineDomain = config.directLinePath ? window.location.origin + config.directLinePath : undefined;
  var container = document.getElementById('webchat');
  var errorBox = document.getElementById('lina-error');
  var errorText = document.getElementById('lina-error-text');
  var retryButton = document.getElementById('lina-retry');
  var current = null;

  retryButton.textContent = config.texts.retry;
  retryButton.addEventListener('click', function () {
    start(false).catch(showError);
  });

  function readSaved() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(storageKey) || 'null');
      if (!saved || typeof saved.token !== 'string' || typeof saved.conversationId !== 'string') return null;
      var expiresAt = tokenExpiry(saved.token);
      if (expiresAt !== undefined && expiresAt - EXPIRY_MARGIN_MS < Date.now()) return null;
      return saved;
    } catch {
      return null;
    }
  }

  function save(session) {
    try {
      window.sessionStorage.setItem(storageKey, JSON.stringify({ token: session.token, conversationId: session.conversationId }));
    } catch {
      // Private modes may refuse storage: the chat still works, a reload starts over.
    }
  }

  function forget() {
    try {
      window.sessionStorage.removeItem(storageKey);
    } catch {
      // Nothing saved, nothing to forget.
    }
  }

  /** The `exp` of a JWT, in milliseconds, when it can be read. */
  function tokenExpiry(token) {
    try {
      var payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      var claims = JSON.parse(window.atob(payload + '==='.slice((payload.length + 3) % 4)));
      return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
    } catch {
      return undefined;
    }
  }

  function requestToken() {
    return window
      .fetch(config.tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(config.site ? { site: config.site } : {}),
        credentials: 'same-origin',
      })
      .then(function (response) {
        if (!response.ok) throw new Error('token request failed: ' + response.status);
        return response.json();
      })
      .then(function (body) {
        if (typeof body.token !== 'string' || typeof body.conversationId !== 'string') throw new Error('token response unreadable');
        return { token: body.token, conversationId: body.conversationId };
      });
  }

  /** Keeps the saved token fresh, so a reload after a long pause can still reconnect. */
  function refreshSavedToken() {
    var saved = readSaved();
    if (!saved) return;
    var domain = directLineDomain || 'https://directline.botframework.com/v3/directline';
    window
      .fetch(domain + '/tokens/refresh', { method: 'POST', headers: { Authorization: 'Bearer ' + saved.token } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (body) {
        if (body && typeof body.token === 'string') save({ token: body.token, conversationId: saved.conversationId });
      })
      .catch(function () {
        // The next refresh, or Web Chat's own, will try again.
      });
  }

  function showError() {
    errorText.textContent = config.texts.connectionFailed;
    errorBox.hidden = false;
  }

  function hideError() {
    errorBox.hidden = true;
  }

  function stop() {
    if (!current) return;
    current.subscription.unsubscribe();
    window.clearInterval(current.refreshTimer);
    current.directLine.end();
    current = null;
  }

  function createStore(resuming) {
    return window.WebChat.createStore({}, function (store) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && config.site) {
            // The QR code's site travels with every activity, as channelData.site.
            var activity = action.payload.activity;
            var channelData = Object.assign({}, activity.channelData, { site: config.site });
            action = Object.assign({}, action, {
              payload: Object.assign({}, action.payload, { activity: Object.assign({}, activity, { channelData: channelData }) }),
            });
          }
          if (action.type === 'WEB_CHAT/SEND_MESSAGE' && action.payload && typeof action.payload.text === 'string' && action.payload.text.length > config.maxTextLength) {
            var text = action.payload.text;
            store.dispatch({ type: 'WEB_CHAT/SET_NOTIFICATION', payload: { id: 'lina-too-long', level: 'warn', message: config.texts.tooLong } });
            // Web Chat empties the box right after sending: put the text back to be shortened.
            window.setTimeout(function () {
              store.dispatch({ type: 'WEB_CHAT/SET_SEND_BOX', payload: { text: text } });
            }, 0);
            return undefined;
          }
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && config.mode === 'azure' && !resuming) {
            // Azure's Direct Line does not tell the bot a member arrived: say it, so Lina greets.
            var result = next(action);
            store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: {} } });
            return result;
          }
          return next(action);
        };
      };
    });
  }

  function render(directLine, store) {
    var element = document.createElement('div');
    element.style.height = '100%';
    element.setAttribute('data-testid', 'lina-webchat');
    container.replaceChildren(element);
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        locale: config.locale,
        nonce: config.nonce,
        overrideLocalizedStrings: config.strings,
        styleOptions: {
          botAvatarImage: config.avatarUrl,
          botAvatarInitials: config.texts.botInitials,
          userAvatarInitials: config.texts.memberInitials,
          hideUploadButton: true,
          accent: '#0b6e79',
          bubbleBorderRadius: 12,
          bubbleFromUserBorderRadius: 12,
          bubbleFromUserBackground: '#e3f2f3',
          bubbleMaxWidth: 560,
          suggestedActionLayout: 'flow',
          suggestedActionBorderRadius: 18,
          suggestedActionBorderColor: '#0b6e79',
          suggestedActionTextColor: '#0b6e79',
          sendBoxButtonColor: '#0b6e79',
          primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
          rootHeight: '100%',
          rootWidth: '100%',
        },
      },
      element,
    );
  }

  /**
   * Starts Web Chat. Unless `fresh`, the conversation this tab saved is resumed (Web Chat
   * reconnects with its id and replays it from the start, since it keeps no history itself);
   * when that fails (expired, or the server forgot it), a new conversation starts.
   */
  function start(fresh) {
    hideError();
    stop();
    var saved = fresh ? null : readSaved();
    var resuming = Boolean(saved);
    var session = saved ? Promise.resolve(saved) : requestToken();
    return session.then(function (tokenSession) {
      save(tokenSession);
      var options = { token: tokenSession.token };
      if (directLineDomain) options.domain = directLineDomain;
      if (resuming) options.conversationId = tokenSession.conversationId;
      var directLine = window.WebChat.createDirectLine(options);
      var online = false;
      var subscription = directLine.connectionStatus$.subscribe(function (status) {
        if (status === CONNECTION.Online) {
          online = true;
          hideError();
        } else if (status === CONNECTION.FailedToConnect || status === CONNECTION.Ended) {
          if (resuming && !online) {
            forget();
            window.setTimeout(function () {
              start(true).catch(showError);
            }, 0);
          } else {
            showError();
          }
        }
      });
      current = {
        directLine: directLine,
        subscription: subscription,
        refreshTimer: window.setInterval(refreshSavedToken, REFRESH_EVERY_MS),
      };
      render(directLine, createStore(resuming));
    });
  }

  start(false).catch(showError);
})();
