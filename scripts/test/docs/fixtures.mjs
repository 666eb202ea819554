// @ts-check
// The unit tests' Custom Elements Manifest: one element with a bit of everything, and a declaration that is not one.

export const MANIFEST_JSON = {
  modules: [
    {
      declarations: [
        {
          tagName: 'security-info-wizard',
          attributes: [{ name: 'purpose' }, { name: 'default-country' }],
          members: [
            { kind: 'field', name: 'adapter' },
            { kind: 'field', name: 'defaultCountry' },
            { kind: 'field', name: 'steps', privacy: 'private' },
            { kind: 'method', name: 'focus' },
          ],
          events: [{ name: 'security-info-complete' }],
          cssParts: [{ name: 'heading' }, { name: 'button' }],
          cssStates: [{ name: 'pending' }],
        },
        { name: 'NotAnElement' },
      ],
    },
  ],
};
