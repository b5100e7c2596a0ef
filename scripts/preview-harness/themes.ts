/**
 * A subset of the variables VS Code defines in a webview, with the values of the Default Light
 * Modern and Default Dark Modern themes, so the harness looks like the real preview.
 */
const common = `--vscode-font-family: system-ui, "Segoe UI", "Noto Sans CJK JP", sans-serif; --vscode-font-size: 13px;
  --vscode-editor-font-family: "DejaVu Sans Mono", monospace;`;

export const THEMES = {
  dark: `:root { ${common}
  --vscode-foreground: #cccccc; --vscode-editor-background: #1f1f1f; --vscode-descriptionForeground: #9d9d9d;
  --vscode-disabledForeground: #6c6c6c; --vscode-focusBorder: #0078d4; --vscode-panel-border: #2b2b2b; --vscode-widget-border: #313131;
  --vscode-textLink-foreground: #4daafc; --vscode-textPreformat-foreground: #d0d0d0; --vscode-badge-background: #616161; --vscode-badge-foreground: #f8f8f8;
  --vscode-list-hoverBackground: #2a2d2e; --vscode-list-inactiveSelectionBackground: #37373d; --vscode-editor-selectionHighlightBackground: #add6ff26;
  --vscode-editorError-foreground: #f85149; --vscode-editorWarning-foreground: #cca700; --vscode-editorInfo-foreground: #3794ff;
  --vscode-inputValidation-warningBackground: #352a05; --vscode-editorWidget-background: #202020; --vscode-testing-iconPassed: #73c991;
  --vscode-charts-red: #f14c4c; --vscode-charts-orange: #d18616; --vscode-charts-blue: #3794ff; --vscode-charts-yellow: #cca700;
  --vscode-charts-green: #89d185; --vscode-charts-purple: #b180d7; }`,
  light: `:root { ${common}
  --vscode-foreground: #3b3b3b; --vscode-editor-background: #ffffff; --vscode-descriptionForeground: #717171;
  --vscode-disabledForeground: #a0a0a0; --vscode-focusBorder: #005fb8; --vscode-panel-border: #e5e5e5; --vscode-widget-border: #e5e5e5;
  --vscode-textLink-foreground: #005fb8; --vscode-textPreformat-foreground: #3b3b3b; --vscode-badge-background: #cccccc; --vscode-badge-foreground: #3b3b3b;
  --vscode-list-hoverBackground: #f2f2f2; --vscode-list-inactiveSelectionBackground: #e4e6f1; --vscode-editor-selectionHighlightBackground: #add6ff80;
  --vscode-editorError-foreground: #e51400; --vscode-editorWarning-foreground: #bf8803; --vscode-editorInfo-foreground: #1a85ff;
  --vscode-inputValidation-warningBackground: #f6f5d2; --vscode-editorWidget-background: #f8f8f8; --vscode-testing-iconPassed: #388a34;
  --vscode-charts-red: #e51400; --vscode-charts-orange: #d18616; --vscode-charts-blue: #1a85ff; --vscode-charts-yellow: #bf8803;
  --vscode-charts-green: #388a34; --vscode-charts-purple: #652d90; }`,
} as const;
