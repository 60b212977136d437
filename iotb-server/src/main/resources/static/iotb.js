// iotb workspace: the little script the pages use (no library; the pages work without it, only less lively).
// 1. An assessment in progress polls its status and shows stage and progress; once it is done or failed the page
//    reloads to show the report or the failure.
// 2. The declarations editor gets a search box that hides the questions not matching every typed word.
(function () {
  'use strict';

  function followProgress(section) {
    var url = section.getAttribute('data-poll');
    var bar = document.getElementById('progress-bar');
    var stage = document.getElementById('progress-stage');
    var status = document.getElementById('run-status');
    var started = status ? status.textContent : '';
    function poll() {
      var xhr = new XMLHttpRequest();
      xhr.open('GET', url);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.onload = function () {
        if (xhr.status !== 200) { setTimeout(poll, 5000); return; }
        var s = JSON.parse(xhr.responseText);
        if (s.status === 'done' || s.status === 'failed') { window.location.reload(); return; }
        if (status && s.status !== started) { status.textContent = s.status; status.className = 'status status-' + s.status; }
        if (bar && typeof s.progress === 'number') { bar.value = s.progress; bar.textContent = s.progress + ' %'; }
        if (stage && s.stage) { stage.textContent = s.stage; }
        setTimeout(poll, 1500);
      };
      xhr.onerror = function () { setTimeout(poll, 5000); };
      xhr.send();
    }
    setTimeout(poll, 1000);
  }

  function filterQuestions(bar) {
    var list = document.getElementById(bar.getAttribute('data-filter-for'));
    var input = bar.querySelector('input');
    if (!list || !input) { return; }
    bar.hidden = false;
    var items = Array.prototype.slice.call(list.children);
    input.addEventListener('input', function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      items.forEach(function (li) {
        var text = li.textContent.toLowerCase();
        li.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var progress = document.getElementById('progress');
    if (progress) { followProgress(progress); }
    Array.prototype.forEach.call(document.querySelectorAll('[data-filter-for]'), filterQuestions);
  });
})();
