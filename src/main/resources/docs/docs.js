// Starts Swagger UI on this server's own OpenAPI document. Nothing here, or in the assets this
// page loads, reaches outside the server: validatorUrl is off (Swagger UI would otherwise send
// the document to an online validator) and the page's Content-Security-Policy allows 'self' only.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: 'openapi.yaml', // relative to the page, so a proxy's path prefix is kept
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    defaultModelsExpandDepth: 0,
    displayRequestDuration: true,
    tryItOutEnabled: true
  });
});
