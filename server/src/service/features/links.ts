import type { DocumentLink } from 'vscode-languageserver-types';
import { ticketLink } from '../config/projectConfig';
import type { ServiceContext } from '../context';
import { factsOf } from '../model/facts';
import type { ParsedPostmortem } from '../parse/parse';
import { innerSpan } from '../parse/scan/layout';

export function createLinks(context: Pick<ServiceContext, 'settings'>) {
  return {
    /**
     * Ticket keys (`ticket: OPS-123`) as links through the project's `ticket_url`. Tickets written
     * as URLs are left to the editor, which links URLs in any text already.
     */
    provideDocumentLinks(parsed: ParsedPostmortem): DocumentLink[] {
      const pattern = context.settings(parsed.uri).project.ticketUrl;
      if (!pattern) return [];
      const links: DocumentLink[] = [];
      for (const measure of factsOf(parsed).countermeasures) {
        const ticket = measure.ticket;
        if (!ticket || /^[a-z][a-z0-9+.-]*:/i.test(ticket.text)) continue;
        const target = ticketLink(ticket.text, pattern);
        if (!target) continue;
        const span = innerSpan(ticket.node, parsed.text);
        links.push({ range: parsed.lines.range(span.start, span.end), target, tooltip: target });
      }
      return links;
    },
  };
}
