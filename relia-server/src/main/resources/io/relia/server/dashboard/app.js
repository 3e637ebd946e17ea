// Relia dashboard: plain JavaScript, no build step. Every element is built with createElement and textContent,
// never from HTML strings, so incident titles, notes and alert labels always show as text (the CSP forbids inline
// script as a second line of defence).
'use strict';

(() => {
  const TOKEN_KEY = 'relia.token';
  const REQUEST_TIMEOUT_MS = 15000;
  const INCIDENT_REFRESH_MS = 5000;
  const SLO_REFRESH_MS = 60000;
  const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
  const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved', 'closed'];
  const SVG_NS = 'http://www.w3.org/2000/svg';

  const view = document.getElementById('view');
  const banner = document.getElementById('banner');
  let timers = [];
  let renderId = 0;

  // ---- DOM building -------------------------------------------------------------------------------------------

  /** h('td', {class: 'x'}, 'text', child): an element with attributes and children (strings become text nodes). */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') el.className = value;
      else if (key === 'text') el.textContent = value;
      else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
      else if (key === 'href') el.setAttribute('href', safeHref(value));
      else el.setAttribute(key, value === true ? '' : String(value));
    }
    append(el, children);
    return el;
  }

  function append(el, children) {
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  function svg(tag, attrs, ...children) {
    const el = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attrs || {})) el.setAttribute(key, String(value));
    append(el, children);
    return el;
  }

  /** Our own hash routes, or http(s) URLs; anything else (javascript:, data:) becomes a dead link. */
  function safeHref(value) {
    const text = String(value);
    if (text.startsWith('#/')) return text;
    return httpUrl(text) || '#';
  }

  function httpUrl(text) {
    try {
      const url = new URL(String(text));
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (notAUrl) {
      return null;
    }
  }

  function notice(text, kind) {
    return h('p', {class: 'notice' + (kind ? ' ' + kind : '')}, text);
  }

  function badge(text, kind) {
    return h('span', {class: 'badge' + (kind ? ' ' + kind : '')}, text);
  }

  function facts(pairs) {
    const dl = h('dl', {class: 'facts'});
    for (const [name, value] of pairs) {
      if (value === null || value === undefined || value === '') continue;
      append(dl, [h('dt', {}, name), h('dd', {}, value)]);
    }
    return dl;
  }

  function table(headers, rows, empty) {
    if (rows.length === 0) return h('p', {class: 'muted'}, empty);
    return h('table', {}, h('thead', {}, h('tr', {}, headers.map((name) => h('th', {}, name)))),
      h('tbody', {}, rows));
  }

  // ---- formatting ---------------------------------------------------------------------------------------------

  function when(iso) {
    if (!iso) return '';
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return String(iso);
    return date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  }

  function ago(iso) {
    if (!iso) return '';
    const seconds = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
    if (!Number.isFinite(seconds)) return '';
    if (seconds < 60) return 'just now';
    if (seconds < 3600) return Math.floor(seconds / 60) + 'm ago';
    if (seconds < 86400) return Math.floor(seconds / 3600) + 'h ago';
    return Math.floor(seconds / 86400) + 'd ago';
  }

  function percent(ratio, digits) {
    return typeof ratio === 'number' ? (ratio * 100).toFixed(digits === undefined ? 1 : digits) + '%' : '–';
  }

  function number(value) {
    if (typeof value !== 'number') return '–';
    return Math.abs(value) >= 100 ? value.toFixed(0) : String(Math.round(value * 10) / 10);
  }

  // ---- API ----------------------------------------------------------------------------------------------------

  function token() {
    return sessionStorage.getItem(TOKEN_KEY) || '';
  }

  /**
   * Calls the API within a timeout. Resolves to {ok, status, data, text, message}; never rejects, so that a missing
   * endpoint or a network failure shows as a message where the data would be.
   */
  async function api(method, path, body, accept) {
    const headers = {Accept: accept || 'application/json'};
    if (token()) headers.Authorization = 'Bearer ' + token();
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    try {
      const response = await fetch(path, {method, headers, signal: controller.signal, credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body)});
      const text = await response.text();
      let data = null;
      if ((response.headers.get('Content-Type') || '').includes('json')) {
        try {
          data = JSON.parse(text);
        } catch (malformed) {
          data = null;
        }
      }
      const result = {ok: response.ok, status: response.status, data, text, message: ''};
      if (!response.ok) result.message = explain(method, path, response.status, data);
      if (response.status === 401 || response.status === 403) showBanner(result.message);
      else if (response.ok && body !== undefined) hideBanner();
      return result;
    } catch (failed) {
      const message = failed.name === 'AbortError'
        ? `${method} ${path} did not answer within ${REQUEST_TIMEOUT_MS / 1000} s`
        : `cannot reach the Relia server (${failed.message})`;
      return {ok: false, status: 0, data: null, text: '', message};
    } finally {
      clearTimeout(timer);
    }
  }

  function explain(method, path, status, data) {
    const detail = data && typeof data.message === 'string' ? data.message : '';
    if (status === 401) {
      return (token() ? 'The server refused the API token (401): ' : 'This needs an API token (401): ')
        + 'enter one from "relia token create NAME --scope write" in the API token field above.'
        + (detail ? ' Server said: ' + detail : '');
    }
    if (status === 403) {
      return 'The API token may not do this (403): '
        + (detail || 'it lacks the scope this needs') + '. Enter a token with that scope in the API token field above.';
    }
    if (status === 404 && detail.startsWith('no such endpoint')) {
      return `This server does not offer ${method} ${path.split('?')[0]} yet (404).`;
    }
    return `${method} ${path.split('?')[0]} failed (${status})` + (detail ? ': ' + detail : '');
  }

  function showBanner(text) {
    banner.textContent = text;
    banner.hidden = false;
  }

  function hideBanner() {
    banner.hidden = true;
    banner.textContent = '';
  }

  // ---- routing ------------------------------------------------------------------------------------------------

  function every(ms, task) {
    timers.push(setInterval(task, ms));
  }

  function route() {
    timers.forEach(clearInterval);
    timers = [];
    renderId += 1;
    const hash = location.hash || '#/';
    const [path, query] = hash.slice(1).split('?');
    const params = new URLSearchParams(query || '');
    const incident = path.match(/^\/incidents\/([A-Za-z0-9-]+)$/);
    let section = 'overview';
    view.replaceChildren();
    if (incident) {
      section = 'incidents';
      renderIncident(decodeURIComponent(incident[1]));
    } else if (path === '/incidents') {
      section = 'incidents';
      renderIncidentList(params);
    } else if (path === '/actions') {
      section = 'actions';
      renderActions(params);
    } else if (path === '/declare') {
      section = 'declare';
      renderDeclare();
    } else {
      renderOverview();
    }
    document.querySelectorAll('.top nav a').forEach((a) => a.classList.toggle('active', a.dataset.route === section));
  }

  /** True while the view that started an async load is still the one shown. */
  function current(id) {
    return id === renderId;
  }

  // ---- overview -----------------------------------------------------------------------------------------------

  function renderOverview() {
    const id = renderId;
    const sloSection = h('section', {id: 'slos'}, h('h2', {}, 'Service level objectives'),
      h('p', {class: 'muted'}, 'Loading SLOs…'));
    const incidentSection = h('section', {id: 'open-incidents'}, h('h2', {}, 'Open incidents'),
      h('div', {class: 'incident-table'}, h('p', {class: 'muted'}, 'Loading…')));
    append(view, [h('h1', {}, 'Overview'), incidentSection, sloSection]);
    const loadSlos = async () => {
      const result = await api('GET', '/api/v1/slos');
      if (current(id)) sloSection.replaceChildren(h('h2', {}, 'Service level objectives'), ...renderSlos(result));
    };
    const loadIncidents = () => refreshIncidentTable(incidentSection.querySelector('.incident-table'),
      new URLSearchParams(), id);
    loadSlos();
    loadIncidents();
    every(INCIDENT_REFRESH_MS, loadIncidents);
    every(SLO_REFRESH_MS, loadSlos);
  }

  function renderSlos(result) {
    if (!result.ok) return [notice(result.message, 'error')];
    const body = result.data;
    const parts = [];
    if (body.message) parts.push(notice(body.message, 'warn'));
    else if (body.source) parts.push(h('p', {class: 'muted'}, `Live from ${body.source} at ${when(body.at)}.`));
    const problems = body.problems || [];
    for (const problem of problems.filter((p) => p.level === 'error')) parts.push(notice(problem.text, 'error'));
    const warnings = problems.filter((p) => p.level !== 'error');
    if (warnings.length > 0) {
      parts.push(h('details', {class: 'problems'}, h('summary', {}, `${warnings.length} warning(s) in the SLO files`),
        h('ul', {}, warnings.map((p) => h('li', {}, p.text)))));
    }
    if ((body.slos || []).length === 0) {
      parts.push(h('p', {class: 'muted'}, 'No SLOs configured: start relia serve with --slo FILE.'));
      return parts;
    }
    parts.push(h('div', {class: 'grid'}, body.slos.map((slo) => sloCard(slo, body))));
    return parts;
  }

  function sloCard(slo, body) {
    const status = slo.status;
    const state = status ? status.state : 'unknown';
    const card = h('article', {class: 'panel slo-card state-' + state, 'data-slo': slo.id},
      h('h3', {}, slo.service + ' / ' + slo.name, ' ', badge(status ? state : 'no live data', 'state-' + state)));
    if (slo.description) append(card, [h('p', {class: 'muted'}, slo.description)]);
    const pairs = [
      ['Objective', number(slo.objectivePercent) + '%'],
      ['Window', slo.period + (slo.periodDefaulted ? ' (default)' : '')],
      ['Error budget', percent(slo.budget.ratio, 3) + ' = ' + number(slo.budget.minutes) + ' min of full outage'],
    ];
    if (status) {
      pairs.push(['Budget left', status.budgetRemainingRatio === null ? 'no data'
        : percent(status.budgetRemainingRatio) + ' (' + number(status.budgetRemainingMinutes) + ' min), '
          + percent(status.budgetSpentRatio) + ' spent']);
      if (status.coverage) pairs.push(['Coverage', status.coverage.text]);
      if (status.coverage && status.coverage.share < 1 && status.projectedSpentRatio !== null) {
        pairs.push(['At this rate', 'the whole window would spend ' + percent(status.projectedSpentRatio)
          + ' of its budget (information, not the verdict)']);
      }
      pairs.push(['SLI', status.sli === null ? 'no data' : percent(status.sli, 3)]);
      if (status.timeToExhaustion) pairs.push(['Exhausted in', status.timeToExhaustion + ' at the last hour\'s rate']);
      if (status.firing.length > 0) {
        pairs.push(['Firing', status.firing.map((a) => `${a.severity} (${a.longWindow}/${a.shortWindow})`)
          .join(', ')]);
      }
    } else {
      pairs.push(['Budget left', body.live ? 'no data' : 'no live data']);
    }
    append(card, [facts(pairs)]);
    if (status && status.burnDown) append(card, [burnDownChart(slo, status.burnDown, body.policy)]);
    append(card, [h('p', {class: 'muted'}, 'Defined in ' + slo.file + ' (' + slo.spec + ')')]);
    return card;
  }

  /**
   * Budget left (%) over the window as an SVG line: round % ticks, UTC time ticks, the policy's warning and critical
   * levels and exhaustion (0%) as labelled lines, and a tooltip per point. The same rules as the reports' charts
   * (io.relia.core.chart.AxisScale and TimeScale): the axis always holds 0..100% and every value.
   */
  function burnDownChart(slo, burnDown, policy) {
    const width = 320;
    const height = 150;
    const left = 40;
    const right = 62;
    const top = 8;
    const bottom = 32;
    const values = burnDown.remainingPercent;
    const times = burnDown.times.map((t) => new Date(t).getTime());
    const known = values.filter((v) => typeof v === 'number');
    const scale = niceScale(Math.min(0, ...known), Math.max(100, ...known));
    const first = times.length > 0 ? times[0] : 0;
    const last = times.length > 1 ? times[times.length - 1] : first + 60_000;
    const x = (t) => left + (t - first) * (width - left - right) / Math.max(1, last - first);
    const y = (v) => top + (scale.max - v) * (height - top - bottom) / (scale.max - scale.min);
    const chart = svg('svg', {class: 'burndown', viewBox: `0 0 ${width} ${height}`, role: 'img'});
    append(chart, [svg('title', {}, `Error budget left over the window, ${slo.id}`)]);
    for (const tick of scale.ticks) {
      append(chart, [svg('line', {class: 'grid', x1: left, x2: width - right, y1: y(tick), y2: y(tick)}),
        svg('text', {x: left - 4, y: y(tick) + 3, 'text-anchor': 'end'}, tick + '%')]);
    }
    const timeTicks = utcTicks(first, last);
    for (const tick of timeTicks.ticks) {
      append(chart, [svg('line', {class: 'grid', x1: x(tick), x2: x(tick), y1: top, y2: height - bottom}),
        svg('text', {x: x(tick), y: height - bottom + 12, 'text-anchor': 'middle'}, timeTicks.label(tick))]);
    }
    append(chart, [svg('text', {x: (left + width - right) / 2, y: height - 4, 'text-anchor': 'middle'},
      timeTicks.title)]);
    append(chart, [svg('line', {class: 'axis', x1: left, y1: top, x2: left, y2: height - bottom}),
      svg('line', {class: 'axis', x1: left, y1: height - bottom, x2: width - right, y2: height - bottom})]);
    const levels = [['exhausted', 0]];
    if (policy) levels.push(['warning', policy.warningAt * 100], ['critical', policy.criticalBelow * 100]);
    for (const [name, level] of levels) {
      append(chart, [svg('line', {class: 'threshold ' + name, x1: left, x2: width - right, y1: y(level),
        y2: y(level)})]);
    }
    // Labels right of the plot, each at its line; pushed apart when the levels are close on this scale.
    let previous = Infinity;
    for (const [name, level] of levels.slice().sort((a, b) => a[1] - b[1])) {
      const at = Math.min(y(level) + 3, previous - 10);
      previous = at;
      append(chart, [svg('text', {class: 'threshold-label ' + name, x: width - right + 4, y: at},
        `${name} ${number(level)}%`)]);
    }
    let d = '';
    values.forEach((v, i) => {
      if (typeof v !== 'number') return;
      d += `${typeof values[i - 1] === 'number' ? 'L' : 'M'}${x(times[i]).toFixed(1)},${y(v).toFixed(1)} `;
    });
    if (d) append(chart, [svg('path', {class: 'line', d: d.trim()})]);
    else append(chart, [svg('text', {x: left + 8, y: top + 40}, 'no data over the window')]);
    const step = Math.max(1, Math.ceil(values.length / 60));
    values.forEach((v, i) => {
      if (typeof v !== 'number') return;
      const alone = typeof values[i - 1] !== 'number' && typeof values[i + 1] !== 'number';
      if (!alone && i % step !== 0) return;
      // A lone measurement is a visible dot (a one-point path draws nothing); the others are hover targets.
      append(chart, [svg('circle', {class: alone ? 'point' : 'hover', cx: x(times[i]).toFixed(1),
        cy: y(v).toFixed(1), r: alone ? 2.5 : 4}, svg('title', {}, `${when(burnDown.times[i])}: ${number(v)}% of `
        + 'the error budget left'))]);
    });
    return chart;
  }

  /** Round ticks (1, 2, 2.5 or 5 × 10ⁿ, about five intervals) from min to max, never above 100% needlessly. */
  function niceScale(min, max) {
    const raw = (max - min) / 5;
    const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw * (1 - 1e-9));
    const low = Math.floor(min / step + 1e-9) * step;
    const high = max <= 100 ? 100 : Math.ceil(max / step - 1e-9) * step;
    const ticks = [];
    for (let tick = low, i = 0; tick <= high + step * 1e-9 && i < 50; tick += step, i++) {
      ticks.push(Number(tick.toFixed(6)));
    }
    return {min: low, max: high, ticks};
  }

  /** Round UTC time ticks (at most 5) over a span, labelled HH:mm, or MM-DD when it spans days. */
  function utcTicks(first, last) {
    const minute = 60_000;
    const hour = 60 * minute;
    const day = 24 * hour;
    const steps = [minute, 5 * minute, 10 * minute, 15 * minute, 30 * minute, hour, 2 * hour, 3 * hour, 6 * hour,
      12 * hour, day, 2 * day, 7 * day, 14 * day];
    const span = Math.max(1, last - first);
    const step = steps.find((s) => span / s <= 4) || steps[steps.length - 1];
    const ticks = [];
    for (let tick = Math.ceil(first / step) * step, i = 0; tick <= last && i < 20; tick += step, i++) ticks.push(tick);
    const iso = (t) => new Date(t).toISOString();
    const sameDay = iso(first).slice(0, 10) === iso(last).slice(0, 10);
    const label = (t) => step >= day ? iso(t).slice(5, 10) : sameDay ? iso(t).slice(11, 16)
      : iso(t).slice(5, 10) + ' ' + iso(t).slice(11, 16);
    const title = sameDay ? `time (UTC), ${iso(first).slice(0, 10)}` : 'time (UTC)';
    return {ticks, label, title};
  }

  // ---- incident list ------------------------------------------------------------------------------------------

  function incidentRow(incident) {
    return h('tr', {'data-incident': incident.id},
      h('td', {}, h('a', {href: '#/incidents/' + incident.id}, incident.reference)),
      h('td', {class: 'title'}, h('a', {href: '#/incidents/' + incident.id, class: 'incident-title'}, incident.title)),
      h('td', {}, badge(incident.severity, 'sev-' + incident.severity)),
      h('td', {}, incident.status),
      h('td', {}, incident.phase),
      h('td', {}, (incident.services || []).join(', ')),
      h('td', {title: when(incident.times.declared)}, ago(incident.times.declared)),
      h('td', {}, incident.roles && incident.roles.commander ? incident.roles.commander : ''));
  }

  async function refreshIncidentTable(container, params, id) {
    if (container.dataset.loading === 'yes') return;
    container.dataset.loading = 'yes';
    const query = new URLSearchParams();
    for (const key of ['status', 'severity', 'service']) if (params.get(key)) query.set(key, params.get(key));
    if (params.get('all') === 'true') query.set('all', 'true');
    query.set('limit', '200');
    const result = await api('GET', '/api/v1/incidents?' + query);
    container.dataset.loading = 'no';
    if (!current(id)) return;
    if (!result.ok) {
      container.replaceChildren(notice(result.message, 'error'));
      return;
    }
    const incidents = result.data.incidents || [];
    container.replaceChildren(table(['Incident', 'Title', 'Severity', 'Status', 'Phase', 'Services', 'Declared',
      'Commander'], incidents.map(incidentRow), params.get('all') === 'true' || params.get('status')
      ? 'No incidents match.' : 'No open incidents.'),
    h('p', {class: 'muted refreshed'}, `Updated ${new Date().toLocaleTimeString()}; refreshes every `
      + `${INCIDENT_REFRESH_MS / 1000} s.`));
  }

  function renderIncidentList(params) {
    const id = renderId;
    const select = (name, values, label) => h('label', {}, label, h('select', {name},
      h('option', {value: ''}, 'any'),
      values.map((v) => h('option', {value: v, selected: params.get(name) === v}, v))));
    const form = h('form', {class: 'inline', id: 'filters'},
      select('status', STATUSES, 'Status'),
      select('severity', SEVERITIES, 'Severity'),
      h('label', {}, 'Service', h('input', {name: 'service', value: params.get('service') || '', size: 14})),
      h('label', {}, 'Include closed',
        h('input', {type: 'checkbox', name: 'all', checked: params.get('all') === 'true'})),
      h('button', {type: 'submit'}, 'Filter'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const next = new URLSearchParams();
      const data = new FormData(form);
      for (const key of ['status', 'severity', 'service']) {
        if (data.get(key)) next.set(key, String(data.get(key)).trim());
      }
      if (data.get('all')) next.set('all', 'true');
      location.hash = '#/incidents' + (next.toString() ? '?' + next : '');
    });
    const container = h('div', {class: 'incident-table'}, h('p', {class: 'muted'}, 'Loading…'));
    append(view, [h('h1', {}, 'Incidents'), form, container]);
    const load = () => refreshIncidentTable(container, params, id);
    load();
    every(INCIDENT_REFRESH_MS, load);
  }

  // ---- incident page ------------------------------------------------------------------------------------------

  function renderIncident(incidentId) {
    const id = renderId;
    const path = '/api/v1/incidents/' + encodeURIComponent(incidentId);
    const message = h('div', {class: 'messages'});
    const body = h('div', {}, h('p', {class: 'muted'}, 'Loading…'));
    append(view, [message, body]);

    const load = async () => {
      const result = await api('GET', path);
      if (!current(id)) return;
      if (!result.ok) {
        body.replaceChildren(notice(result.message, 'error'));
        return;
      }
      body.replaceChildren(...incidentPage(result.data, path, message, load));
    };
    load();
  }

  function incidentPage(data, path, message, reload) {
    const incident = data.incident;
    const open = incident.status !== 'resolved' && incident.status !== 'closed';
    const act = (action, label, kind, extra) => h('button', {type: 'button', class: kind || null,
      'data-action': action, onclick: async (event) => {
        event.target.disabled = true;
        const result = await api('POST', `${path}/${action}`, extra ? extra() : {});
        event.target.disabled = false;
        message.replaceChildren(result.ok ? notice(`${label}: done.`, 'ok') : notice(result.message, 'error'));
        if (result.ok) reload();
      }}, label);
    const rootCause = h('input', {name: 'rootCause', placeholder: 'root cause (optional)', size: 30});
    const buttons = h('div', {class: 'actions'});
    if (open && !incident.times.acknowledged) append(buttons, [act('ack', 'Acknowledge')]);
    if (open && !incident.times.mitigated) append(buttons, [act('mitigate', 'Mitigate')]);
    if (open) {
      append(buttons, [rootCause, act('resolve', 'Resolve', 'danger',
        () => (rootCause.value.trim() ? {rootCause: rootCause.value.trim()} : {}))]);
    }
    if (incident.status === 'resolved') append(buttons, [act('close', 'Close', 'quiet')]);
    if (!open) append(buttons, [act('reopen', 'Reopen', 'quiet')]);

    const header = h('header', {class: 'incident-head', 'data-status': incident.status},
      h('p', {class: 'muted'}, incident.reference, incident.drill ? ' (drill)' : ''),
      h('h1', {id: 'incident-title'}, incident.title),
      h('p', {}, badge(incident.severity, 'sev-' + incident.severity), ' ',
        badge(incident.status, 'status status-' + incident.status), ' ', badge('phase: ' + incident.phase)),
      buttons);
    const labels = Object.entries(incident.labels || {}).map(([k, v]) => badge(k + '=' + v));
    const roles = Object.entries(incident.roles || {}).map(([role, person]) => [role, person || '—']);
    const t = incident.times;
    const summary = h('section', {class: 'panel'}, h('h2', {}, 'Summary'),
      incident.summary ? h('p', {class: 'summary'}, incident.summary) : h('p', {class: 'muted'}, 'No summary yet.'),
      facts([['Services', (incident.services || []).join(', ')], ['Alerts', (incident.alerts || []).join(', ')],
        ['SLOs', (incident.slos || []).join(', ')], ['Root cause', incident.analysis && incident.analysis.rootCause],
        ['Resolution', incident.analysis && incident.analysis.resolution]]),
      labels.length ? h('p', {class: 'labels'}, labels) : null,
      editForm(incident, path, message, reload));
    const side = h('aside', {},
      h('section', {class: 'panel'}, h('h2', {}, 'Roles'), facts(roles), roleForm(path, message, reload)),
      h('section', {class: 'panel'}, h('h2', {}, 'Times'), facts([['Declared', when(t.declared)],
        ['Impact started', when(t.impactStarted)], ['Detected', when(t.detected)],
        ['Acknowledged', when(t.acknowledged)], ['Mitigated', when(t.mitigated)], ['Resolved', when(t.resolved)],
        ['Closed', when(t.closed)]]),
      incident.response && incident.response.breached ? notice('Response target breached.', 'warn') : null));
    const main = h('div', {}, summary,
      h('section', {class: 'panel', id: 'timeline'}, h('h2', {}, 'Timeline'), timeline(data.timeline || []),
        noteForm(path, message, reload)),
      deferredSection('alerts', 'Linked alerts', `${path}/alerts`, renderAlerts),
      deferredSection('similar', 'Similar incidents', `${path}/similar?limit=5`, renderSimilar),
      h('section', {class: 'panel', id: 'action-items'}, h('h2', {}, 'Action items'),
        actionTable(data.actionItems || [], message, reload, false)),
      postmortemSection(incident, path));
    return [header, h('div', {class: 'columns'}, main, side)];
  }

  function timeline(entries) {
    if (entries.length === 0) return h('p', {class: 'muted'}, 'Nothing recorded yet.');
    return h('ol', {class: 'timeline'}, entries.map((entry) => h('li', {},
      h('time', {datetime: entry.at}, when(entry.at)), h('strong', {}, entry.actor), ' ', badge(entry.kind), ' ',
      entry.kind === 'changed' ? `${entry.field}: ${entry.before || '(none)'} → ${entry.after || '(none)'}`
        : entry.text)));
  }

  function noteForm(path, message, reload) {
    const text = h('input', {name: 'text', placeholder: 'what happened, what you tried', size: 50, required: true});
    const form = h('form', {class: 'inline'}, text, h('button', {type: 'submit'}, 'Add note'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const result = await api('POST', `${path}/notes`, {text: text.value});
      message.replaceChildren(result.ok ? notice('Note added.', 'ok') : notice(result.message, 'error'));
      if (result.ok) reload();
    });
    return form;
  }

  function roleForm(path, message, reload) {
    const role = h('select', {name: 'role'}, ['commander', 'comms', 'ops', 'scribe'].map((r) => h('option', {}, r)));
    const person = h('input', {name: 'person', placeholder: 'person', size: 12});
    const form = h('form', {class: 'inline'}, role, person, h('button', {type: 'submit', class: 'quiet'}, 'Assign'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const result = await api('POST', `${path}/roles`, {role: role.value, person: person.value});
      message.replaceChildren(result.ok ? notice('Role assigned.', 'ok') : notice(result.message, 'error'));
      if (result.ok) reload();
    });
    return form;
  }

  function editForm(incident, path, message, reload) {
    const severity = h('select', {name: 'severity'},
      SEVERITIES.map((s) => h('option', {selected: s === incident.severity}, s)));
    const summary = h('input', {name: 'summary', value: incident.summary || '', size: 40});
    const form = h('form', {class: 'inline edit'}, h('label', {}, 'Severity', severity),
      h('label', {}, 'Summary', summary), h('button', {type: 'submit', class: 'quiet'}, 'Save changes'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const result = await api('PATCH', path, {severity: severity.value, summary: summary.value});
      message.replaceChildren(result.ok ? notice('Saved.', 'ok') : notice(result.message, 'error'));
      if (result.ok) reload();
    });
    return form;
  }

  /** A section filled from an endpoint that may not exist on this server yet: 404 shows as a message. */
  function deferredSection(name, title, path, render) {
    const section = h('section', {class: 'panel', id: name}, h('h2', {}, title),
      h('p', {class: 'muted'}, 'Loading…'));
    const id = renderId;
    api('GET', path).then((result) => {
      if (!current(id)) return;
      const content = result.ok ? render(result.data || {})
        : notice(result.status === 404 && !(result.data && /^no incident/.test(result.data.message || ''))
          ? `${title} are not available from this server yet (GET ${path.split('?')[0]} answered 404).`
          : result.message, result.status === 404 ? 'warn' : 'error');
      section.replaceChildren(h('h2', {}, title), content);
      section.dataset.loaded = result.ok ? 'yes' : String(result.status);
    });
    return section;
  }

  function renderAlerts(data) {
    const alerts = data.alerts || [];
    const rows = alerts.map((alert) => {
      const annotations = alert.annotations || {};
      const runbook = httpUrl(annotations.runbook_url || '');
      return h('tr', {},
        h('td', {}, alert.alertname || (alert.labels && alert.labels.alertname) || alert.fingerprint || ''),
        h('td', {}, alert.status || ''),
        h('td', {class: 'labels'}, Object.entries(alert.labels || {}).map(([k, v]) => badge(k + '=' + v))),
        h('td', {}, annotations.summary || annotations.description || ''),
        h('td', {}, when(alert.startsAt), alert.endsAt ? ' → ' + when(alert.endsAt) : ''),
        h('td', {}, runbook ? h('a', {href: runbook, rel: 'noopener noreferrer', target: '_blank'}, 'runbook')
          : annotations.runbook_url ? h('span', {class: 'muted', title: 'not an http(s) link'},
            annotations.runbook_url) : '',
        httpUrl(alert.generatorURL || '') ? [' ', h('a', {href: alert.generatorURL, rel: 'noopener noreferrer',
          target: '_blank'}, 'source')] : null));
    });
    return table(['Alert', 'Status', 'Labels', 'Summary', 'Active', 'Links'], rows, 'No alerts linked.');
  }

  function renderSimilar(data) {
    const results = data.results || [];
    const rows = results.map((item) => {
      const other = item.incident || item;
      const id = other.id ?? other.incidentId;
      return h('tr', {},
        h('td', {}, Number.isInteger(id) ? h('a', {href: '#/incidents/' + id}, other.reference || 'INC-' + id)
          : other.reference || ''),
        h('td', {class: 'title'}, other.title || ''),
        h('td', {}, other.status || ''),
        h('td', {}, item.why || ''),
        h('td', {}, typeof item.score === 'number' ? item.score.toFixed(1) : ''));
    });
    return table(['Incident', 'Title', 'Status', 'Matched', 'BM25 score'], rows, 'No similar incidents.');
  }

  function postmortemSection(incident, path) {
    const output = h('div', {class: 'postmortem-output'});
    const show = (format) => async () => {
      output.replaceChildren(h('p', {class: 'muted'}, 'Loading…'));
      const result = await api('GET', `${path}/postmortem?format=${format}`, undefined,
        format === 'html' ? 'text/html' : 'text/markdown, text/plain, application/json');
      if (!result.ok) {
        output.replaceChildren(notice(result.status === 404 && !(result.data && /^no incident/
          .test(result.data.message || '')) ? 'The postmortem is not available from this server yet '
          + `(GET ${path}/postmortem answered 404).` : result.message, result.status === 404 ? 'warn' : 'error'));
        return;
      }
      const text = result.data && typeof result.data.markdown === 'string' ? result.data.markdown
        : result.data && typeof result.data.html === 'string' ? result.data.html : result.text;
      if (format === 'html') {
        // Shown in a sandbox without scripts, forms or same-origin access: the document cannot act as the page.
        output.replaceChildren(h('iframe', {class: 'postmortem', sandbox: '', srcdoc: text,
          title: 'Postmortem of ' + incident.reference}));
      } else {
        output.replaceChildren(h('div', {class: 'postmortem-text'}, markdown(text)));
      }
    };
    return h('section', {class: 'panel', id: 'postmortem'}, h('h2', {}, 'Postmortem'),
      facts([['Required', incident.postmortem && incident.postmortem.required ? 'yes' : 'no'],
        ['Due', incident.postmortem && when(incident.postmortem.dueAt)]]),
      incident.postmortem && incident.postmortem.overdue ? notice('The postmortem is overdue.', 'warn') : null,
      h('div', {class: 'actions'}, h('button', {type: 'button', id: 'postmortem-show', onclick: show('markdown')},
        'Show postmortem'),
      h('button', {type: 'button', class: 'quiet', onclick: show('html')}, 'As HTML (sandboxed)')),
      output);
  }

  /** Markdown to elements, text only: headings, lists, quotes, code blocks, paragraphs. No HTML passes through. */
  function markdown(source) {
    const blocks = [];
    let list = null;
    let code = null;
    let paragraph = [];
    const flush = () => {
      if (paragraph.length) blocks.push(h('p', {}, paragraph.join(' ')));
      paragraph = [];
      list = null;
    };
    for (const line of String(source).split(/\r?\n/)) {
      if (code !== null) {
        if (/^```/.test(line)) {
          blocks.push(h('pre', {}, code.join('\n')));
          code = null;
        } else {
          code.push(line);
        }
        continue;
      }
      let m;
      if (/^```/.test(line)) {
        flush();
        code = [];
      } else if ((m = line.match(/^(#{1,6})\s+(.*)$/))) {
        flush();
        blocks.push(h('h' + Math.min(6, m[1].length + 2), {}, m[2]));
      } else if ((m = line.match(/^\s*(?:[-*+]|\d+\.)\s+(.*)$/))) {
        if (paragraph.length) flush();
        if (!list) {
          list = h('ul', {});
          blocks.push(list);
        }
        append(list, [h('li', {}, m[1])]);
      } else if ((m = line.match(/^>\s?(.*)$/))) {
        flush();
        blocks.push(h('blockquote', {}, m[1]));
      } else if (line.trim() === '') {
        flush();
      } else {
        list = null;
        paragraph.push(line.trim());
      }
    }
    if (code !== null) blocks.push(h('pre', {}, code.join('\n')));
    flush();
    return blocks;
  }

  // ---- action items -------------------------------------------------------------------------------------------

  function actionTable(items, message, reload, withIncident) {
    const rows = items.map((item) => h('tr', {class: item.overdue ? 'overdue' : null, 'data-action-item': item.id},
      h('td', {}, item.reference || String(item.id)),
      withIncident ? h('td', {}, h('a', {href: '#/incidents/' + item.incidentId}, 'INC-' + item.incidentId)) : null,
      h('td', {class: 'title'}, item.title),
      h('td', {}, item.type || ''),
      h('td', {}, item.owner || ''),
      h('td', {}, item.priority || ''),
      h('td', {}, item.due || '', item.overdue ? [' ', badge('overdue', 'overdue')] : null),
      h('td', {}, item.status || ''),
      h('td', {}, item.status === 'done' || item.status === 'wont-do' ? '' : h('button', {type: 'button',
        class: 'quiet', onclick: async () => {
          const result = await api('PATCH', '/api/v1/actions/' + encodeURIComponent(item.id), {status: 'done'});
          message.replaceChildren(result.ok ? notice(`${item.reference || item.id} marked done.`, 'ok')
            : notice(result.message, 'error'));
          if (result.ok) reload();
        }}, 'Mark done'))));
    const headers = ['Item'].concat(withIncident ? ['Incident'] : [],
      ['Title', 'Type', 'Owner', 'Priority', 'Due', 'Status', '']);
    return table(headers, rows, 'No action items.');
  }

  function renderActions(params) {
    const id = renderId;
    const message = h('div', {class: 'messages'});
    const form = h('form', {class: 'inline', id: 'action-filters'},
      h('label', {}, 'Status', h('select', {name: 'status'}, ['open', 'in-progress', 'done', 'wont-do', '']
        .map((s) => h('option', {value: s, selected: (params.get('status') ?? 'open') === s}, s || 'any')))),
      h('label', {}, 'Only overdue', h('input', {type: 'checkbox', name: 'overdue',
        checked: params.get('overdue') === 'true'})),
      h('label', {}, 'Incident', h('input', {name: 'incident', value: params.get('incident') || '', size: 8})),
      h('button', {type: 'submit'}, 'Filter'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const next = new URLSearchParams();
      next.set('status', String(data.get('status') || ''));
      if (data.get('overdue')) next.set('overdue', 'true');
      if (data.get('incident')) next.set('incident', String(data.get('incident')).trim());
      location.hash = '#/actions?' + next;
    });
    const container = h('div', {}, h('p', {class: 'muted'}, 'Loading…'));
    append(view, [h('h1', {}, 'Action items'), form, message, container]);
    const load = async () => {
      const query = new URLSearchParams();
      const status = params.get('status') ?? 'open';
      if (status) query.set('status', status);
      if (params.get('overdue') === 'true') query.set('overdue', 'true');
      if (params.get('incident')) query.set('incident', params.get('incident'));
      const result = await api('GET', '/api/v1/actions?' + query);
      if (!current(id)) return;
      if (!result.ok) {
        container.replaceChildren(notice(result.status === 404
          ? 'Action items across incidents are not available from this server yet (GET /api/v1/actions answered '
            + '404); each incident page lists its own.' : result.message, result.status === 404 ? 'warn' : 'error'));
        return;
      }
      const items = result.data.actionItems || result.data.actions || result.data.items || [];
      container.replaceChildren(actionTable(items, message, load, true));
    };
    load();
  }

  // ---- declare ------------------------------------------------------------------------------------------------

  function renderDeclare() {
    const message = h('div', {class: 'messages'});
    const form = h('form', {class: 'stack', id: 'declare'},
      h('label', {}, 'Title', h('input', {name: 'title', required: true, maxlength: 500})),
      h('label', {}, 'Severity', h('select', {name: 'severity'},
        SEVERITIES.map((s) => h('option', {value: s, selected: s === 'SEV3'}, s)))),
      h('label', {}, 'Summary', h('textarea', {name: 'summary'})),
      h('label', {}, 'Services (comma separated)', h('input', {name: 'services'})),
      h('label', {}, 'Incident commander', h('input', {name: 'commander'})),
      h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Declare incident')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const body = {title: String(data.get('title')), severity: String(data.get('severity')),
        summary: String(data.get('summary') || ''),
        services: String(data.get('services') || '').split(',').map((s) => s.trim()).filter(Boolean)};
      if (String(data.get('commander') || '').trim()) body.commander = String(data.get('commander')).trim();
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      const result = await api('POST', '/api/v1/incidents', body);
      button.disabled = false;
      if (!result.ok) {
        message.replaceChildren(notice(result.message, 'error'));
        return;
      }
      location.hash = '#/incidents/' + result.data.incident.id;
    });
    append(view, [h('h1', {}, 'Declare an incident'),
      token() ? null : notice('Declaring needs an API token: enter it above first.', 'warn'), message, form]);
  }

  // ---- token --------------------------------------------------------------------------------------------------

  function setupToken() {
    const form = document.getElementById('token-form');
    const input = document.getElementById('token');
    const state = document.getElementById('token-state');
    const show = () => {
      state.textContent = token() ? 'saved for this tab' : 'none: read-only';
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = input.value.trim();
      if (value) sessionStorage.setItem(TOKEN_KEY, value);
      input.value = '';
      hideBanner();
      show();
    });
    document.getElementById('token-clear').addEventListener('click', () => {
      sessionStorage.removeItem(TOKEN_KEY);
      show();
    });
    show();
  }

  setupToken();
  window.addEventListener('hashchange', route);
  route();
})();
