// Function file of the ribbon. Its only button uses ShowTaskpane, which Office handles itself, so no
// handler is registered; Office still expects the page to load office.js and signal that it is ready.
void Office.onReady();
