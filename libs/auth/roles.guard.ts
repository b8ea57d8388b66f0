import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, hasRole, type Actor, type Role } from '@redress/kernel';
import { ROLES_KEY } from './decorators';

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required || required.length === 0) return true;
    const actor = context.switchToHttp().getRequest<{ actor?: Actor }>().actor;
    if (actor && hasRole(actor, ...required)) return true;
    throw new DomainError('forbidden', `This action needs one of the roles: ${required.join(', ')}`);
  }
}
