import { describe, expect, it } from 'vitest';
import { suggestColumnMapping } from './suggest-column-mapping';

describe('suggestColumnMapping', () => {
  it('maps common English, French, German and Spanish header names', () => {
    const headers = {
      Name: 'name', 'Full name': 'name', Nom: 'name', Nombre: 'name',
      'E-mail': 'email', 'Email address': 'email', Courriel: 'email', 'Correo electrónico': 'email', 'E-Mail-Adresse': 'email',
      Phone: 'phone', Mobile: 'phone', Téléphone: 'phone', Handy: 'phone', Teléfono: 'phone',
      Outlet: 'outlet', Media: 'outlet', Publication: 'outlet', Médias: 'outlet', Redaktion: 'outlet', Medio: 'outlet',
      Beat: 'role', Role: 'role', Rubrique: 'role', Ressort: 'role', Cargo: 'role',
      'Language(s)': 'languages', Langues: 'languages', Sprachen: 'languages', Idiomas: 'languages',
      Country: 'country', Pays: 'country', Land: 'country', País: 'country',
      'Time zone': 'timeZone', 'Fuseau horaire': 'timeZone', Zeitzone: 'timeZone', 'Zona horaria': 'timeZone',
      Notes: 'notes', Remarques: 'notes', Bemerkungen: 'notes', Notas: 'notes',
      Tags: 'tags', Étiquettes: 'tags', Schlagwörter: 'tags', Etiquetas: 'tags',
      WhatsApp: 'whatsapp', 'First name': 'givenName', Vorname: 'givenName', Prénom: 'givenName', 'Last name': 'familyName', Apellidos: 'familyName',
    } as const;
    for (const [header, field] of Object.entries(headers)) {
      expect(suggestColumnMapping([header]), header).toEqual({ [header]: field });
    }
  });

  it('suggests each field for one column only, preferring the more specific name', () => {
    expect(suggestColumnMapping(['Name', 'Phone', 'Mobile', 'Whatever', 'Email', 'Courriel'])).toEqual({
      Name: 'name',
      Phone: null,
      Mobile: 'phone',
      Whatever: null,
      Email: 'email',
      Courriel: null,
    });
  });

  it('reads Outlook and Google Contacts export headers', () => {
    expect(
      suggestColumnMapping(['Title', 'First Name', 'Last Name', 'Company', 'Job Title', 'Business Phone', 'Mobile Phone', 'E-mail Address', 'Notes', 'Categories']),
    ).toEqual({
      Title: null,
      'First Name': 'givenName',
      'Last Name': 'familyName',
      Company: 'outlet',
      'Job Title': 'role',
      'Business Phone': null,
      'Mobile Phone': 'phone',
      'E-mail Address': 'email',
      Notes: 'notes',
      Categories: 'tags',
    });
    expect(
      suggestColumnMapping(['Name', 'E-mail 1 - Type', 'E-mail 1 - Value', 'Phone 1 - Value', 'Organization 1 - Name', 'Organization 1 - Title', 'Group Membership']),
    ).toEqual({
      Name: 'name',
      'E-mail 1 - Type': null,
      'E-mail 1 - Value': 'email',
      'Phone 1 - Value': 'phone',
      'Organization 1 - Name': 'outlet',
      'Organization 1 - Title': 'role',
      'Group Membership': 'tags',
    });
  });
});
