import { createContext } from 'react';

/** Whether the body may be changed: the image node views (rendered in React portals) read it. */
export const EditableContext = createContext(false);
