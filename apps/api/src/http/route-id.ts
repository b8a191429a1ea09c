import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';

const joinPaths = (...parts: string[]) => `/${parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;

/** `METHOD /controller/path/:param` of a Nest handler: the key of the access rules. */
export function routeIdOf(controller: object, handler: object): string {
  const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
  const base = (Reflect.getMetadata(PATH_METADATA, controller) as string | undefined) ?? '';
  const path = (Reflect.getMetadata(PATH_METADATA, handler) as string | undefined) ?? '';
  return `${method} ${joinPaths(base, path)}`;
}

/** Every route handler of a controller class. */
export function handlersOf(controller: { prototype: object }): object[] {
  const prototype = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype)
    .map((name) => prototype[name])
    .filter((member): member is object => typeof member === 'function' && Reflect.hasMetadata(METHOD_METADATA, member));
}
