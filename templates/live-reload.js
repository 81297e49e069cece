// policyc serve: reload the page when a policy is rebuilt. Served only by the preview server.
new EventSource('/__policyc/events').addEventListener('reload', () => location.reload());
