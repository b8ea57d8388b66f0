import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can, DomainError, rolesFor, type Actor, type Permission } from '@redress/kernel';
import { PERMISSION_KEY } from './decorators';

/** A route's `@Allow` (the method's, else its controller's): the caller needs one of the permission's roles. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!permission) return true;
    const actor = context.switchToHttp().getRequest<{ actor?: Actor }>().actor;
    if (actor && can(actor, permission)) return true;
    throw new DomainError(
      'forbidden',
      `This action needs one of the roles: ${rolesFor(permission).join(', ')}`,
    );
  }
}
