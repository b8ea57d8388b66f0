export * from './notification-data';
export {
  TemplateRenderer,
  defaultTemplatesDir,
  resolveLocale,
  formatMoney,
  formatDate,
  stripInvisible,
  INVISIBLE_CHARS,
} from './template-renderer';
