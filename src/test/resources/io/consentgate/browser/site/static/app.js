// First-party application script: must keep working whatever the visitor chose.
document.documentElement.setAttribute('data-app', 'ready');
