import type { Article } from '../src/index.js';

/**
 * The three news articles the March 2025 record is built from (metadata only).
 * They carry no headline and name no outlet of their own (001 and 002 name only
 * contributors: The Associated Press, Agence France-Presse, Reuters), so `title`
 * and `outlet` are null: never invent one.
 */
export const ARTICLES: readonly Article[] = [
  {
    id: '000',
    file: '000_d446478b00b53adf.txt',
    date: '2025-03-13',
    outlet: null,
    title: null,
  },
  {
    id: '001',
    file: '001_757f1b2ff7ec1d9c.txt',
    date: '2025-03-13',
    outlet: null,
    title: null,
  },
  {
    id: '002',
    file: '002_21741fe10f9c953d.txt',
    date: '2025-03-14',
    outlet: null,
    title: null,
  },
];
