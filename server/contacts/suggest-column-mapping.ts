// Which contact field each column of an imported CSV fills: the fields, and
// the header names that suggest them. Reading the file is csv.ts's job.
import { foldForSearch } from './search-text';

/** The media-contact fields an import column can fill. */
export const contactFields = [
  'name',
  'givenName',
  'familyName',
  'email',
  'phone',
  'whatsapp',
  'outlet',
  'role',
  'languages',
  'country',
  'timeZone',
  'notes',
  'tags',
] as const;
export type ContactField = (typeof contactFields)[number];

/**
 * Header names as they appear in exports from Outlook, Google Contacts, press
 * databases and hand-made sheets, in English, French, German and Spanish,
 * most specific first. Compared after `normalizeHeaderName`, so accents, case,
 * spaces, punctuation and numbering ("E-mail 1 - Value") do not matter.
 */
const HEADER_SYNONYMS: Record<ContactField, readonly string[]> = {
  name: [
    'name', 'full name', 'display name', 'contact', 'contact name', 'journalist', 'reporter',
    'nom', 'nom complet', 'nom et prenom', 'prenom et nom', 'vollstandiger name', 'kontakt',
    'nombre', 'nombre completo', 'nombre y apellidos',
  ],
  givenName: ['first name', 'given name', 'forename', 'prenom', 'vorname', 'nombre de pila'],
  familyName: ['last name', 'surname', 'family name', 'nom de famille', 'nachname', 'familienname', 'apellido', 'apellidos'],
  email: [
    'email', 'email address', 'mail', 'e mail address', 'courriel', 'adresse email', 'adresse electronique',
    'adresse courriel', 'email adresse', 'mailadresse', 'correo', 'correo electronico',
  ],
  // Mobile first: it is the number that reaches a journalist away from the desk.
  phone: [
    'mobile', 'mobile phone', 'mobile number', 'cell', 'cell phone', 'cellphone', 'handy', 'handynummer', 'mobil',
    'mobilnummer', 'mobiltelefon', 'portable', 'telephone portable', 'movil', 'celular',
    'phone', 'phone number', 'telephone', 'telephone number', 'tel', 'numero de telephone', 'telefon',
    'telefonnummer', 'telefono', 'numero de telefono',
  ],
  whatsapp: ['whatsapp', 'whatsapp number', 'numero whatsapp', 'whatsapp nummer'],
  outlet: [
    'outlet', 'media', 'media outlet', 'medias', 'publication', 'organisation', 'organization', 'organization name',
    'company', 'newspaper', 'station', 'medium', 'medien', 'redaktion', 'zeitung', 'verlag', 'firma',
    'societe', 'entreprise', 'journal', 'media organisation', 'medio', 'medios', 'publicacion', 'empresa',
  ],
  // Ranked: "title" is last because Outlook's "Title" column is the salutation.
  role: [
    'role', 'beat', 'job title', 'organization title', 'position', 'desk', 'fonction', 'poste', 'rubrique', 'titre',
    'funktion', 'ressort', 'berufsbezeichnung', 'cargo', 'puesto', 'seccion', 'title',
  ],
  languages: ['language', 'languages', 'lang', 'langue', 'langues', 'sprache', 'sprachen', 'idioma', 'idiomas'],
  country: ['country', 'country region', 'pays', 'land', 'pais', 'nation'],
  timeZone: ['time zone', 'timezone', 'tz', 'fuseau horaire', 'fuseau', 'zeitzone', 'zona horaria', 'huso horario'],
  notes: [
    'notes', 'note', 'comments', 'comment', 'remarks', 'remarques', 'remarque', 'commentaire', 'commentaires',
    'bemerkungen', 'bemerkung', 'notizen', 'notiz', 'anmerkungen', 'notas', 'nota', 'comentarios', 'observaciones',
  ],
  tags: [
    'tags', 'tag', 'labels', 'label', 'categories', 'category', 'groups', 'group membership', 'etiquettes',
    'etiquette', 'mots cles', 'schlagworter', 'schlagwort', 'gruppen', 'kategorien', 'etiquetas', 'categorias',
  ],
};

/** Words that number or qualify a column without changing its meaning ("E-mail 1 - Value", "Primary Phone"). */
const HEADER_NOISE_WORDS = new Set([
  'value', 'primary', 'principal', 'main', 'business', 'work', 'home', 'private', 'privat', 'personal', 'other',
]);

/** Normalised header name → field, and its rank among that field's synonyms (0 is the most specific). */
const synonymLookup = new Map<string, { field: ContactField; rank: number }>();
for (const field of contactFields) {
  HEADER_SYNONYMS[field].forEach((synonym, rank) => synonymLookup.set(normalizeHeaderName(synonym), { field, rank }));
}

/**
 * Suggests which contact field each column fills, for the import screen to
 * pre-select. Keys are the header names as given; a column nobody recognises
 * maps to null.
 *
 * Guarantees: each field is suggested for at most one column. When several
 * columns match one field, the most specific name wins (synonyms are ranked:
 * Outlook's "Job Title" beats its "Title", which holds "Mr."/"Ms."), then the
 * leftmost; the others map to null for the person to choose. A repeated header
 * name keeps the suggestion of its first occurrence. Only suggests, never decides.
 */
export function suggestColumnMapping(header: readonly string[]): Record<string, ContactField | null> {
  const best = new Map<ContactField, { column: number; rank: number }>();
  header.forEach((name, column) => {
    const match = synonymLookup.get(normalizeHeaderName(name));
    if (!match) return;
    const current = best.get(match.field);
    if (!current || match.rank < current.rank) best.set(match.field, { column, rank: match.rank });
  });
  const fieldByColumn = new Map([...best].map(([field, { column }]) => [column, field]));
  const mapping: Record<string, ContactField | null> = {};
  header.forEach((name, column) => {
    if (!Object.hasOwn(mapping, name)) mapping[name] = fieldByColumn.get(column) ?? null;
  });
  return mapping;
}

/**
 * "E-mail 1 - Value" → "email", "Language(s)" → "languages", "Téléphone" →
 * "telephone": folded, digits and noise words dropped, the remaining words
 * joined without separators so "E-mail", "Email" and "E mail" meet.
 */
function normalizeHeaderName(name: string): string {
  const words = foldForSearch(name)
    .replace(/\(s\)/g, 's')
    .split(/[^\p{L}]+/u)
    .filter((word) => word !== '' && !HEADER_NOISE_WORDS.has(word));
  return words.join('');
}
