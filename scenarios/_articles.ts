import type { Article } from '../src/index.js';

/** The three news articles the March 2025 record is built from (metadata only). */
export const ARTICLES: readonly Article[] = [
  {
    id: '000',
    file: '000_d446478b00b53adf.txt',
    date: '2025-03-13',
    outlet: null,
    title: "Russia claims it retook Sudzha as U.S. seeks the Kremlin's answer on a 30-day ceasefire",
  },
  {
    id: '001',
    file: '001_757f1b2ff7ec1d9c.txt',
    date: '2025-03-13',
    outlet: null,
    title: 'Putin backs the U.S. ceasefire proposal in principle but says details must be worked out',
  },
  {
    id: '002',
    file: '002_21741fe10f9c953d.txt',
    date: '2025-03-14',
    outlet: null,
    title: 'Trump asks Putin to spare encircled Ukrainian troops as Russia presses in Kursk',
  },
];
